import Foundation
import InnomedServices

/// A GP's request: routed through the CPTS to the specialist on duty when the doctor is in a
/// CPTS, else opened as a case directly. The photo, if any, is sent once the case exists.
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

    /// The camera's JPEG, kept in app-private storage until it is sent.
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
        let id: CaseID
        do {
            id = try await open(specialty: specialty)
        } catch ServiceError.noOneOnDuty(_, let directory) {
            offeredExperts = directory
            error = .noOneOnDuty(specialty: specialty, directory: directory)
            return
        } catch {
            self.error = ServiceError.from(error)
            return
        }
        await sendPhoto(to: id)
        created = id
    }

    private func open(specialty: String) async throws -> CaseID {
        let header = PatientHeader(patientLabel: patientLabel.trimmingCharacters(in: .whitespacesAndNewlines),
                                   ageGroup: ageGroup, sex: sex,
                                   reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                                   question: question.trimmingCharacters(in: .whitespacesAndNewlines),
                                   photoConsent: consent)
        if let cpts = try requests.spaces().first(where: \.isJoined) {
            let draft = RequestDraft(specialty: specialty, urgency: urgency, header: header,
                                     patientConsent: consent, expert: expert?.userID)
            return try await requests.openRequest(draft, in: cpts.id)
        }
        let draft = CaseDraft(header: header, specialty: specialty, urgency: urgency,
                              due: now().addingTimeInterval(urgency.answerWindow))
        return try await cases.createCase(draft)
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
