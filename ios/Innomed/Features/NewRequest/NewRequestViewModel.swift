import Foundation
import InnomedServices

/// A GP's request: routed through the CPTS to the specialist on duty when the doctor is in a
/// CPTS, with its photo if any; else opened as a case directly, the photo sent once it exists.
@MainActor
final class NewRequestViewModel: ObservableObject {
    @Published var specialty: String?
    @Published var urgency: UrgencyLevel = .soon
    @Published var patientLabel = ""
    @Published var ageGroup: AgeGroup = .adult
    @Published var sex: PatientSex = .unknown
    @Published var reason = ""
    @Published var question = ""
    @Published var consent = false
    /// A specialist picked from the directory when nobody is on duty.
    @Published var expert: DirectoryMember?
    @Published private(set) var photoURL: URL?
    @Published private(set) var offeredExperts: [DirectoryMember] = []
    @Published private(set) var isSubmitting = false
    @Published private(set) var created: CaseID?
    @Published var error: ServiceError?

    let specialties: [SpecialtyOption]
    private let cases: CaseService
    private let requests: RequestService
    private let photos: PrivatePhotoStore
    private let now: () -> Date

    init(session: UserSession, photos: PrivatePhotoStore = PrivatePhotoStore(),
         now: @escaping () -> Date = Date.init) {
        cases = session.cases
        requests = session.requests
        specialties = session.directory.specialties()
        self.photos = photos
        self.now = now
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
            if let cpts = try requests.spaces().first(where: \.isJoined) {
                let id = try await openRequest(specialty: specialty, in: cpts.id)
                removePhoto()
                created = id
            } else {
                let draft = CaseDraft(header: header, specialty: specialty, urgency: urgency,
                                      due: now().addingTimeInterval(urgency.answerWindow))
                let id = try await cases.createCase(draft)
                await sendPhoto(to: id)
                created = id
            }
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

    private var header: PatientHeader {
        PatientHeader(patientLabel: patientLabel.trimmingCharacters(in: .whitespacesAndNewlines),
                      ageGroup: ageGroup, sex: sex,
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
        let draft = RequestDraft(specialty: specialty, urgency: urgency, header: header,
                                 patientConsent: consent, expert: expert?.userID, photos: photos)
        return try await requests.openRequest(draft, in: cpts)
    }

    /// The case exists whatever happens here; a failed photo is reported, the file removed.
    private func sendPhoto(to id: CaseID) async {
        guard let photoURL else { return }
        do {
            let conversation = try await cases.conversation(for: id)
            _ = try await conversation.sendPhoto(fileURL: photoURL, caption: nil)
        } catch {
            self.error = ServiceError.from(error)
        }
        removePhoto()
    }
}
