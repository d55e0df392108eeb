import Combine
import Foundation
import InnomedServices

/// A GP's request: routed through the doctor's CPTS to the specialist on duty, with its photo if
/// any. A doctor in no joined CPTS is told so: nothing is opened (the core routes requests only
/// through a CPTS, and sets their deadline).
@MainActor
final class NewRequestViewModel: ObservableObject {
    @Published var specialty: String?
    @Published var urgency: Urgency = .soon
    @Published var patientLabel = ""
    @Published var ageBand: AgeBand = .adult
    @Published var sex: Sex = .unknown
    @Published var reason = ""
    @Published var question = ""
    @Published var consent = false
    /// A specialist picked from the directory when nobody is on duty.
    @Published var expert: MemberEntry?
    @Published private(set) var photoURL: URL?
    @Published private(set) var offeredExperts: [MemberEntry] = []
    @Published private(set) var isSubmitting = false
    @Published private(set) var created: CaseID?
    @Published var error: ServiceError?

    let specialties: [Specialty]
    private let requests: RequestService
    private let photos: PrivatePhotoStore

    init(session: UserSession, photos: PrivatePhotoStore = PrivatePhotoStore()) {
        requests = session.requests
        specialties = session.directory.specialties()
        self.photos = photos
    }

    var canSubmit: Bool {
        specialty != nil && consent && !isSubmitting
            && ![patientLabel, reason, question].contains { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The camera's JPEG, kept in app-private storage until the core has read it.
    func attachPhoto(jpeg: Data) {
        removePhoto()
        do {
            photoURL = try photos.save(jpeg: jpeg)
        } catch {
            self.error = .storage
        }
    }

    func removePhoto() {
        if let photoURL { photos.delete(photoURL) }
        photoURL = nil
    }

    func submit() async {
        guard canSubmit, let specialty else { return }
        isSubmitting = true
        defer { isSubmitting = false }
        do {
            // Kept with its photo: nothing was sent, the doctor may send it once in a CPTS.
            guard let cpts = try requests.spaces().first(where: \.isJoined) else { throw ServiceError.noCpts }
            let id = try await openRequest(specialty: specialty, in: cpts.id)
            removePhoto()
            created = id
        } catch ServiceError.noOneOnDuty(_, let directory) {
            offeredExperts = directory
            error = .noOneOnDuty(specialty: specialty, directory: directory)
        } catch ServiceError.photoRefused {
            // Refused for good, nothing was sent: the doctor retakes it or sends without.
            removePhoto()
            error = .photoRefused
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    private var header: CaseHeader {
        CaseHeader(patientLabel: patientLabel.trimmingCharacters(in: .whitespacesAndNewlines),
                   ageBand: ageBand, sex: sex,
                   reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                   question: question.trimmingCharacters(in: .whitespacesAndNewlines),
                   photoConsent: consent)
    }

    /// Through the CPTS the photo goes with the request: nobody may write into a request before
    /// the specialist who takes it has its history. Any other failure keeps it for a new try.
    private func openRequest(specialty: String, in cpts: CptsID) async throws -> CaseID {
        var photos: [Data] = []
        if let photoURL {
            do {
                photos = [try Data(contentsOf: photoURL)]
            } catch {
                throw ServiceError.unreadableFile
            }
        }
        let draft = TeleExpertiseRequest(specialty: specialty, urgency: urgency, header: header,
                                         patientConsent: consent, expert: expert?.userID, photos: photos)
        return try await requests.openRequest(draft, in: cpts)
    }
}
