import Combine
import Foundation
import InnomedServices

/// A GP's request: routed through the doctor's CPTS to the specialist on duty, with its photo if
/// any, and the number to call the GP back on if they give one. A doctor in no joined CPTS is
/// told so: nothing is opened (the core routes requests only through a CPTS, and sets their
/// deadline).
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
    /// The GP's professional number to be called back on, as typed; blank: no call back asked.
    /// Editing clears the last refusal of it.
    @Published var callBack = "" {
        didSet { callBackError = nil }
    }
    /// Why the number to call back was refused (not a valid number), said beside its field; what
    /// was typed stays.
    @Published private(set) var callBackError: ServiceError?
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

    /// Has the core check the number typed (on the phone, no network), once the doctor leaves
    /// its field and before sending; a refusal shows beside the field. Blank is no number asked:
    /// nothing to check. `false` when refused.
    @discardableResult
    func checkCallBack() -> Bool {
        guard let typed = typedCallBack else {
            callBackError = nil
            return true
        }
        do {
            _ = try requests.checkCallBack(typed)
            callBackError = nil
            return true
        } catch {
            callBackError = ServiceError.from(error)
            return false
        }
    }

    func submit() async {
        guard canSubmit, let specialty else { return }
        // A number that is none is said beside its field before anything is asked of the CPTS.
        guard checkCallBack() else { return }
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
        } catch ServiceError.invalidRequest(.invalidPhone) {
            // The core's word on the number: beside its field, what was typed kept, nothing opened.
            callBackError = .invalidRequest(.invalidPhone)
        } catch ServiceError.photoRefused {
            // Refused for good, nothing was sent: the doctor retakes it or sends without.
            removePhoto()
            error = .photoRefused
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// The number as typed, trimmed; `nil` when blank.
    private var typedCallBack: String? {
        let typed = callBack.trimmingCharacters(in: .whitespacesAndNewlines)
        return typed.isEmpty ? nil : typed
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
                                         patientConsent: consent, expert: expert?.userID, photos: photos,
                                         callBack: typedCallBack)
        return try await requests.openRequest(draft, in: cpts)
    }
}
