import Combine
import Foundation
import InnomedServices

/// What the doctor can do with the case besides talking, as the core decides it: take a request,
/// send the advice, close with a report, change a case's status, invite; and, for a request,
/// its brief, why it still waits for its hand-over (nobody writes into it until then) and its
/// deadline. Nothing here decides who may do what. Also muting the case (the doctor's own
/// notifications, not an action on the case: always offered once read).
@MainActor
final class CaseActionsViewModel: ObservableObject {
    /// The actions this screen runs from its menu, in the core's order (accepting and declining
    /// are on the invitation's row; writing is the composer).
    static let menuActions: [CaseAction] = [.take, .advise, .markAnswered, .close, .closeWithReport, .invite]

    @Published private(set) var details: CaseStatusInfo?
    /// The core's decision, as last read; `nil` until read.
    @Published private(set) var allowed: CaseActions?
    @Published private(set) var advice: GivenAdvice?
    @Published private(set) var isWorking = false
    @Published private(set) var report: ClosedCase?
    @Published var error: ServiceError?
    /// The doctor who opened the case, once the conversation shows its header: the brief is no
    /// longer needed then.
    @Published var requester: UserID?
    /// The brief of a request this specialist was routed to (no patient label), until the header
    /// can be read.
    @Published private(set) var brief: RequestBrief?
    /// Whether the doctor muted this case (none of their phones rings for it), as the core last
    /// said; `nil` until read (the menu offers muting once it is known).
    @Published private(set) var isMuted: Bool?

    let caseID: CaseID
    private let cases: CaseService
    private let requests: RequestService
    /// The latest read of the core's decision: an older answer arriving late does not replace a
    /// newer one.
    private var allowedRead = 0
    /// The latest read of the mute, likewise (a change made since wins over an older read).
    private var mutedRead = 0

    init(session: UserSession, caseID: CaseID) {
        self.caseID = caseID
        cases = session.cases
        requests = session.requests
    }

    /// The menu's actions the core allows now, in its order.
    var actions: [CaseAction] {
        (allowed?.actions ?? []).filter { Self.menuActions.contains($0) }
    }

    /// The composer (text, replies, photos) is enabled while the core allows writing.
    var canWrite: Bool { allowed?.allows(.write) == true }

    /// The warning about members nobody vouches for offers to confirm them while the core allows
    /// it.
    var canConfirmMembers: Bool { allowed?.allows(.confirmMember) == true }

    /// Why nobody writes into this request yet, as the core says; `nil` when nothing waits.
    var handoverWait: HandoverWait? { allowed?.handover }

    /// The request's deadline, as the core says; `nil` between colleagues.
    var deadline: Deadline? { allowed?.deadline }

    func refresh() async {
        do {
            details = try await cases.details(of: caseID)
            if details?.isRequest == true {
                advice = try await requests.advice(in: caseID)
            }
        } catch {
            self.error = ServiceError.from(error)
        }
        await readAllowed()
        await readMuted()
        await loadBrief()
    }

    /// Whether the case is muted, read on the device at every refresh (another device of the
    /// doctor may have changed it). A failed read keeps the last answer, without an error.
    private func readMuted() async {
        mutedRead += 1
        let read = mutedRead
        let muted: Bool
        do {
            muted = try await cases.isMuted(caseID)
        } catch {
            return
        }
        if read == mutedRead { isMuted = muted }
    }

    /// What the core allows now, read at every refresh (the case shows, its rows change: a take,
    /// a withdrawal, the requesting doctor's record; after an action). A failed read keeps the
    /// last answer and is tried again at the next refresh; it is shown only while there is none.
    private func readAllowed() async {
        allowedRead += 1
        let read = allowedRead
        do {
            let decided = try await cases.allowedActions(of: caseID)
            if read == allowedRead { allowed = decided }
        } catch {
            if read == allowedRead, allowed == nil { self.error = ServiceError.from(error) }
        }
    }

    /// The brief, once, while the header cannot be read: for an invitation, or a request the
    /// core says waits for its hand-over.
    private func loadBrief() async {
        guard brief == nil, requester == nil, let allowed,
              allowed.role == .invited || allowed.handover != nil else { return }
        let found = try? await cases.requestBrief(of: caseID)
        if let found { brief = found }
    }

    func take() async {
        _ = await perform { try await self.requests.take(self.caseID) }
    }

    /// `false` if it was not sent: the form stays open with the specialist's text.
    @discardableResult
    func sendAdvice(_ card: Advice) async -> Bool {
        await perform { try await self.requests.sendAdvice(card, in: self.caseID) }
    }

    func closeWithReport(outcome: String) async {
        _ = await perform { self.report = try await self.requests.close(self.caseID, outcome: outcome) }
    }

    func setStatus(_ status: CaseStatus) async {
        _ = await perform { try await self.cases.setStatus(status, of: self.caseID) }
    }

    /// Mutes the case on every device of the doctor, or lets it ring again. Needs the homeserver:
    /// offline the error says so and nothing changes; the core is read again after a change.
    func setMuted(_ muted: Bool) async {
        // A read started before the change must not show the old state once it is made.
        mutedRead += 1
        _ = await perform { try await self.cases.setMuted(muted, of: self.caseID) }
    }

    /// Runs one action at a time; `true` once it succeeded.
    private func perform(_ body: () async throws -> Void) async -> Bool {
        guard !isWorking else { return false }
        isWorking = true
        defer { isWorking = false }
        do {
            try await body()
        } catch {
            self.error = ServiceError.from(error)
            return false
        }
        await refresh()
        return true
    }
}
