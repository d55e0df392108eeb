import Foundation
import InnomedFFI

final class RustRequestService: RequestService, @unchecked Sendable {
    private let client: Client
    private let cptsSpaces: CptsSpaces

    init(client: Client, spaces: CptsSpaces) {
        self.client = client
        self.cptsSpaces = spaces
    }

    func spaces() throws -> [Cpts] {
        try cptsSpaces.all()
    }

    func openRequest(_ draft: TeleExpertiseRequest, in cpts: CptsID) async throws -> CaseID {
        let request = InnomedFFI.TeleExpertiseRequest(
            specialty: draft.specialty, urgency: draft.urgency.rustValue, header: draft.header.rustValue,
            patientConsent: draft.patientConsent, expert: draft.expert?.rawValue,
            photos: draft.photos.map { RequestPhoto(source: .bytes($0), caption: nil) },
            callBack: draft.callBack)
        let room = try await mapErrors { try await cptsSpaces.space(cpts).openRequest(request: request) }
        Log.cases.info("request opened \(room.roomId(), privacy: .public)")
        return CaseID(room.roomId())
    }

    func openCareTeam(_ header: CaseHeader, members: [UserID], in cpts: CptsID) async throws -> CaseID {
        let room = try await mapErrors {
            try await cptsSpaces.space(cpts).openCareTeam(header: header.rustValue, members: members.map(\.rawValue))
        }
        Log.cases.info("care team opened \(room.roomId(), privacy: .public)")
        return CaseID(room.roomId())
    }

    func checkCallBack(_ typed: String) throws -> CallBack {
        // The module's name: this method's own name hides the core's function here.
        let checked = try mapErrorsSync { try InnomedFFI.checkCallBack(typed: typed) }
        return CallBack(rustValue: checked)
    }

    func callBack(in id: CaseID) async throws -> CallBack? {
        let number = try await mapErrors { try await client.caseRoom(id).callBack() }
        return number.map(CallBack.init(rustValue:))
    }

    func recordCall(in id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).recordCall() }
        // The case only: never the number.
        Log.cases.info("call recorded in \(id.rawValue, privacy: .public)")
    }

    func take(_ id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).takeRequest() }
    }

    func sendAdvice(_ advice: Advice, in id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).sendAdvice(advice: advice.rustValue) }
    }

    func advice(in id: CaseID) async throws -> GivenAdvice? {
        let given = try await mapErrors { try await client.caseRoom(id).advice() }
        return given.map(GivenAdvice.init(rustValue:))
    }

    func close(_ id: CaseID, outcome: String) async throws -> ClosedCase {
        let closed = try await mapErrors {
            try AppPaths.makePrivateDirectory(AppPaths.reports)
            return try await client.caseRoom(id).closeWithReport(outcome: outcome,
                                                                 directory: AppPaths.reports.path)
        }
        return ClosedCase(jsonURL: URL(fileURLWithPath: closed.jsonPath),
                          pdfURL: URL(fileURLWithPath: closed.pdfPath))
    }

    func requests(_ filter: RequestFilter) async throws -> [RequestSummary] {
        try await mapErrors { try await client.requests(filter: filter.rustValue) }
            .map(RequestSummary.init(rustValue:))
    }

    func deadlineReminders() async throws -> [DeadlineAlert] {
        try await mapErrors { try await client.takeDeadlineAlerts() }
            .map(DeadlineAlert.init(rustValue:))
    }

    func reminderSchedule() async throws -> [ScheduledReminder] {
        // Only `dueSoon` and `overdue` are reminders; anything else from the core is left out.
        try await mapErrors { try await client.reminderSchedule() }
            .compactMap(ScheduledReminder.init(rustValue:))
    }

    func routingWindows(in cpts: CptsID) async throws -> RoutingWindows {
        let windows = try await mapSpaceErrors(coordinator: false) { try await cptsSpaces.space(cpts).routingWindows() }
        return RoutingWindows(rustValue: windows)
    }

    func setRoutingWindows(_ windows: RoutingWindows, in cpts: CptsID) async throws {
        try await mapSpaceErrors(coordinator: true) {
            try await cptsSpaces.space(cpts).setRoutingWindows(windows: windows.rustValue)
        }
        Log.cases.info("routing windows set in \(cpts.rawValue, privacy: .public)")
    }

    func unansweredRequests(in cpts: CptsID) async throws -> [UnansweredRequest] {
        try await mapSpaceErrors(coordinator: false) { try await cptsSpaces.space(cpts).unansweredRequests() }
            .map(UnansweredRequest.init(rustValue:))
    }

    func nextStep(of id: CaseID) async throws -> NextStep? {
        // Only finding the case can fail: the next step is planned on this device or not.
        let room = try mapErrorsSync { try client.caseRoom(id) }
        let step = await room.nextStep()
        return step.map(NextStep.init(rustValue:))
    }
}
