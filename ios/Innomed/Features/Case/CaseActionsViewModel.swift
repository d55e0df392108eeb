import Foundation
import InnomedServices

/// What the doctor can do with the case besides talking: change its status, take a request,
/// send the advice, close with a report.
@MainActor
final class CaseActionsViewModel: ObservableObject {
    enum Action: Hashable {
        case take, advise, closeWithReport, markAnswered, close, invite
    }

    @Published private(set) var details: CaseDetails?
    @Published private(set) var advice: ReceivedAdvice?
    @Published private(set) var isWorking = false
    @Published private(set) var report: ReportLocation?
    @Published var error: ServiceError?
    /// The doctor who opened the case (the header's sender, once the timeline shows it: the core
    /// shows a header only from the case's creator, any other as rejected).
    @Published var requester: UserID?

    let caseID: CaseID
    private let me: UserID
    private let cases: CaseService
    private let requests: RequestService

    init(session: UserSession, caseID: CaseID) {
        self.caseID = caseID
        me = session.account.userID
        cases = session.cases
        requests = session.requests
    }

    var actions: [Action] {
        guard let details else { return [] }
        var actions: [Action] = []
        if details.progress != .closed { actions.append(.invite) }
        let isRequester = requester == me
        if details.isRequest {
            if details.progress == .requested && !isRequester { actions.append(.take) }
            if details.acceptedBy == me && details.progress == .accepted { actions.append(.advise) }
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
