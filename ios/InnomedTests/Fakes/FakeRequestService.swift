import Foundation
@testable import InnomedServices

final class FakeRequestService: RequestService {
    var cptsSpaces: [Cpts] = []
    var onOpen: (TeleExpertiseRequest, CptsID) async throws -> CaseID = { _, _ in try unstubbed("openRequest") }
    var onAdvice: (CaseID) async throws -> GivenAdvice? = { _ in nil }
    var taken: [CaseID] = []
    var onSendAdvice: (Advice, CaseID) async throws -> Void = { _, _ in try unstubbed("sendAdvice") }
    var onReminders: () async throws -> [DeadlineAlert] = { try unstubbed("deadlineReminders") }
    /// The reminders still to come. Read in the background by every signed-in `AppModel`, so
    /// none unless a test says so (like `FakeSessionService.onStartSync`).
    var onReminderSchedule: () async throws -> [ScheduledReminder] = { [] }
    /// How many times the app read the reminders still to come.
    private(set) var reminderScheduleReads = 0
    var onOpenCareTeam: (CaseHeader, [UserID], CptsID) async throws -> CaseID = { _, _, _ in
        try unstubbed("openCareTeam")
    }
    /// Every care team asked of the core (header, members in order, CPTS), refused ones too.
    private(set) var careTeams: [(CaseHeader, [UserID], CptsID)] = []
    var onRoutingWindows: (CptsID) async throws -> RoutingWindows = { _ in try unstubbed("routingWindows") }
    var onSetRoutingWindows: (RoutingWindows, CptsID) async throws -> Void = { _, _ in
        try unstubbed("setRoutingWindows")
    }
    /// Every `setRoutingWindows` call (windows, CPTS), in order, refused ones too.
    private(set) var routingWindowChanges: [(RoutingWindows, CptsID)] = []
    var onUnanswered: (CptsID) async throws -> [UnansweredRequest] = { _ in try unstubbed("unansweredRequests") }
    /// How many times a screen asked for the unanswered requests.
    private(set) var unansweredReads = 0
    var onNextStep: (CaseID) async throws -> NextStep? = { _ in try unstubbed("nextStep") }
    /// How many times a screen asked for a request's next step.
    private(set) var nextStepReads = 0
    var onCheckCallBack: (String) throws -> CallBack = { _ in try unstubbed("checkCallBack") }
    /// Every number the app had the core check, as passed.
    private(set) var callBackChecks: [String] = []
    var onCallBack: (CaseID) async throws -> CallBack? = { _ in try unstubbed("callBack") }
    /// How many times a screen asked for the number to call back.
    private(set) var callBackReads = 0
    var onRecordCall: (CaseID) async throws -> Void = { _ in try unstubbed("recordCall") }
    /// Every `recordCall` (the case), in order, failed ones too.
    private(set) var recordedCalls: [CaseID] = []

    func spaces() throws -> [Cpts] { cptsSpaces }
    func openRequest(_ draft: TeleExpertiseRequest, in cpts: CptsID) async throws -> CaseID {
        try await onOpen(draft, cpts)
    }
    func openCareTeam(_ header: CaseHeader, members: [UserID], in cpts: CptsID) async throws -> CaseID {
        careTeams.append((header, members, cpts))
        return try await onOpenCareTeam(header, members, cpts)
    }
    func checkCallBack(_ typed: String) throws -> CallBack {
        callBackChecks.append(typed)
        return try onCheckCallBack(typed)
    }

    func callBack(in id: CaseID) async throws -> CallBack? {
        callBackReads += 1
        return try await onCallBack(id)
    }

    func recordCall(in id: CaseID) async throws {
        recordedCalls.append(id)
        try await onRecordCall(id)
    }

    func take(_ id: CaseID) async throws { taken.append(id) }
    func sendAdvice(_ advice: Advice, in id: CaseID) async throws { try await onSendAdvice(advice, id) }
    func advice(in id: CaseID) async throws -> GivenAdvice? { try await onAdvice(id) }
    func close(_ id: CaseID, outcome: String) async throws -> ClosedCase { try unstubbed("close") }
    func requests(_ filter: RequestFilter) async throws -> [RequestSummary] { try unstubbed("requests") }
    func deadlineReminders() async throws -> [DeadlineAlert] { try await onReminders() }

    func reminderSchedule() async throws -> [ScheduledReminder] {
        reminderScheduleReads += 1
        return try await onReminderSchedule()
    }

    func routingWindows(in cpts: CptsID) async throws -> RoutingWindows { try await onRoutingWindows(cpts) }

    func setRoutingWindows(_ windows: RoutingWindows, in cpts: CptsID) async throws {
        routingWindowChanges.append((windows, cpts))
        try await onSetRoutingWindows(windows, cpts)
    }

    func unansweredRequests(in cpts: CptsID) async throws -> [UnansweredRequest] {
        unansweredReads += 1
        return try await onUnanswered(cpts)
    }

    func nextStep(of id: CaseID) async throws -> NextStep? {
        nextStepReads += 1
        return try await onNextStep(id)
    }
}
