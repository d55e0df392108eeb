import Combine
import Foundation
import InnomedServices

/// A colleague the case was opened for but who could not be invited, with the core's reason.
struct RefusedInvitation: Identifiable, Equatable {
    let colleague: UserID
    let error: ServiceError
    var id: UserID { colleague }
}

/// A doctor opens a case between colleagues, without a CPTS: the header (`HeaderDraft`), the
/// urgency, and the colleagues by their identifier. Opening creates the case, then invites each
/// colleague in the order added. Empty fields keep the button off; everything else is the core's
/// answer: a refused case keeps the form; a refused invitation keeps the case, names the
/// colleague with the core's reason, and the case opens once the doctor has read it (its screen
/// invites again). An identifier is not checked here: the core refuses a malformed one when it
/// is invited.
@MainActor
final class ColleagueCaseViewModel: ObservableObject {
    /// Any change clears the last refusal.
    @Published var draft = HeaderDraft() {
        didSet { error = nil }
    }
    @Published var urgency: Urgency = .routine {
        didSet { error = nil }
    }
    /// A colleague's identifier as it is typed, before "Ajouter".
    @Published var colleagueInput = ""
    /// The colleagues to invite, in the order they were added.
    @Published private(set) var colleagues: [UserID] = []
    @Published private(set) var isSubmitting = false
    /// The core's refusal of the case itself: nothing was opened, what was typed stays.
    @Published var error: ServiceError?
    /// The case, once open (even if some invitations were refused).
    @Published private(set) var opened: CaseID?
    /// The colleagues the case is open without, each with the core's reason.
    @Published private(set) var refused: [RefusedInvitation] = []
    /// The case the app is to open: at once when everyone was invited, else once the doctor has
    /// read the refusals (`openCase`).
    @Published private(set) var created: CaseID?

    private let cases: CaseService

    init(cases: CaseService) {
        self.cases = cases
    }

    var canAddColleague: Bool {
        opened == nil && !isSubmitting && !trimmedInput.isEmpty
    }

    /// A label, an age band, a question and a colleague; the rest is the core's to check.
    var canSubmit: Bool {
        !isSubmitting && opened == nil && draft.isFilled && !colleagues.isEmpty
    }

    /// Adds the typed identifier to the colleagues (once), and empties the field.
    func addColleague() {
        guard canAddColleague else { return }
        let colleague = UserID(trimmedInput)
        if !colleagues.contains(colleague) {
            colleagues.append(colleague)
        }
        colleagueInput = ""
        error = nil
    }

    func remove(_ colleague: UserID) {
        guard opened == nil, !isSubmitting else { return }
        colleagues.removeAll { $0 == colleague }
        error = nil
    }

    /// Creates the case once, then invites every colleague, each refusal kept with its reason.
    func submit() async {
        guard canSubmit, let header = draft.header else { return }
        let invitees = colleagues
        isSubmitting = true
        error = nil
        let id: CaseID
        do {
            id = try await cases.create(NewCase(header: header, specialty: nil, urgency: urgency))
        } catch {
            self.error = ServiceError.from(error)
            isSubmitting = false
            return
        }
        opened = id
        var refusals: [RefusedInvitation] = []
        for colleague in invitees {
            do {
                try await cases.invite(colleague, to: id)
            } catch {
                refusals.append(RefusedInvitation(colleague: colleague, error: ServiceError.from(error)))
            }
        }
        refused = refusals
        isSubmitting = false
        if refusals.isEmpty {
            created = id
        }
    }

    /// The doctor read the refused invitations: the case opens, where they can invite again.
    func openCase() {
        created = opened
    }

    private var trimmedInput: String {
        colleagueInput.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
