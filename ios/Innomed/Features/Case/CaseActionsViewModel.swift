import Foundation
import InnomedServices

/// What the doctor can do with the case besides talking: change its status, take a request,
/// send the advice, close with a report; and, for a request, its brief and whether it still
/// waits for its hand-over (nobody writes into it until then).
@MainActor
final class CaseActionsViewModel: ObservableObject {
    enum Action: Hashable {
        case take, advise, closeWithReport, markAnswered, close, invite
    }

    /// Why nobody writes into a request yet (the screen says so); it ends once it is handed over.
    enum HandoverWait: Hashable {
        /// Nobody took the request yet.
        case notTaken
        /// Taken: the requesting doctor's device has yet to hand the case over (seen by the taker).
        case awaitingRequester
        /// Taken: this doctor, who asked, hands the case over from this device (by itself).
        case handingOver
    }

    @Published private(set) var details: CaseDetails?
    @Published private(set) var advice: ReceivedAdvice?
    @Published private(set) var isWorking = false
    @Published private(set) var report: ReportLocation?
    @Published var error: ServiceError?
    /// The doctor who opened the case (the header's sender, once the timeline shows it: the core
    /// shows a header only from the case's creator, any other as rejected).
    @Published var requester: UserID?
    /// The brief of a request this specialist was routed to (no patient label), until the header
    /// can be read.
    @Published private(set) var brief: CaseBrief?
    /// Whether this request waits for its hand-over, as last checked; `nil` until checked.
    @Published private(set) var awaitingHandover: Bool?

    let caseID: CaseID
    private let me: UserID
    private let cases: CaseService
    private let requests: RequestService
    /// Once handed over, a request never waits again: not asked any more.
    private var handedOver = false
    /// The latest check: an older answer arriving late does not replace a newer one.
    private var handoverCheck = 0

    init(session: UserSession, caseID: CaseID) {
        self.caseID = caseID
        me = session.account.userID
        cases = session.cases
        requests = session.requests
    }

    /// Nothing may be written: a request that may wait, which the core did not say was handed over.
    var isWaitingForHandover: Bool {
        details?.mayAwaitHandover == true && awaitingHandover != false
    }

    /// What the screen says while the core says the request waits; `nil` otherwise.
    var handoverWait: HandoverWait? {
        guard awaitingHandover == true, let details, details.mayAwaitHandover else { return nil }
        guard details.acceptedBy != nil else { return .notTaken }
        return requester == me ? .handingOver : .awaitingRequester
    }

    var actions: [Action] {
        guard let details else { return [] }
        // Taking writes nothing into the request; inviting and advising wait for the hand-over.
        let waiting = isWaitingForHandover
        var actions: [Action] = []
        if details.progress != .closed && !waiting { actions.append(.invite) }
        let isRequester = requester == me
        if details.isRequest {
            if details.progress == .requested && !isRequester { actions.append(.take) }
            if details.acceptedBy == me && details.progress == .accepted && !waiting { actions.append(.advise) }
            if isRequester && details.progress == .answered && advice != nil { actions.append(.closeWithReport) }
        } else if isRequester {
            // Only the doctor who opened the case changes its status (the core and the
            // homeserver refuse anyone else).
            if !details.progress.isFinished { actions.append(.markAnswered) }
            if details.progress != .closed { actions.append(.close) }
        }
        return actions
    }

    func refresh() async {
        do {
            details = try await cases.details(of: caseID)
            if details?.isRequest == true {
                advice = try await requests.advice(in: caseID)
            }
        } catch {
            self.error = ServiceError.from(error)
        }
        await checkHandover()
        await loadBrief()
    }

    /// Whether the request still waits for its hand-over, asked at every refresh (the case
    /// shows, its rows change: a take, a withdrawal, the requesting doctor's record; after an
    /// action) until it is handed over. A failed check keeps the last answer, shows no error,
    /// and is tried again at the next refresh.
    private func checkHandover() async {
        guard !handedOver, details?.mayAwaitHandover == true else { return }
        handoverCheck += 1
        let check = handoverCheck
        let answer = try? await cases.awaitingHandover(of: caseID)
        guard let waiting = answer, check == handoverCheck else { return }
        if !waiting { handedOver = true }
        awaitingHandover = waiting
    }

    /// The brief, once, while the header cannot be read (nobody took the request, or it waits
    /// for its hand-over).
    private func loadBrief() async {
        guard brief == nil, requester == nil, details?.mayAwaitHandover == true else { return }
        let found = try? await cases.requestBrief(of: caseID)
        if let found { brief = found }
    }

    func take() async {
        _ = await perform { try await self.requests.take(self.caseID) }
    }

    /// `false` if it was not sent: the form stays open with the specialist's text.
    @discardableResult
    func sendAdvice(_ card: AdviceCard) async -> Bool {
        await perform { try await self.requests.sendAdvice(card, in: self.caseID) }
    }

    func closeWithReport(outcome: String) async {
        _ = await perform { self.report = try await self.requests.close(self.caseID, outcome: outcome) }
    }

    func setProgress(_ progress: CaseProgress) async {
        _ = await perform { try await self.cases.setProgress(progress, of: self.caseID) }
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
