import Foundation
import InnomedFFI

final class RustRequestService: RequestService, @unchecked Sendable {
    private let client: Client

    init(client: Client) {
        self.client = client
    }

    func spaces() throws -> [Cpts] {
        try mapErrorsSync { try client.cptsSpaces() }.map(Cpts.init(rustValue:))
    }

    func openRequest(_ draft: RequestDraft, in cpts: CptsID) async throws -> CaseID {
        let request = InnomedFFI.TeleExpertiseRequest(
            specialty: draft.specialty, urgency: draft.urgency.rustValue, header: draft.header.rustValue,
            patientConsent: draft.patientConsent, expert: draft.expert?.rawValue,
            photos: draft.photos.map { RequestPhoto(source: .bytes($0), caption: nil) })
        let room = try await mapErrors { try await client.space(cpts).openRequest(request: request) }
        Log.cases.info("request opened \(room.roomId(), privacy: .public)")
        return CaseID(room.roomId())
    }

    func take(_ id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).takeRequest() }
    }

    func sendAdvice(_ advice: AdviceCard, in id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).sendAdvice(advice: advice.rustValue) }
    }

    func advice(in id: CaseID) async throws -> ReceivedAdvice? {
        let given = try await mapErrors { try await client.caseRoom(id).advice() }
        return given.map(ReceivedAdvice.init(rustValue:))
    }

    func close(_ id: CaseID, outcome: String) async throws -> ReportLocation {
        let closed = try await mapErrors {
            try AppPaths.makePrivateDirectory(AppPaths.reports)
            return try await client.caseRoom(id).closeWithReport(outcome: outcome,
                                                                 directory: AppPaths.reports.path)
        }
        return ReportLocation(jsonURL: URL(fileURLWithPath: closed.jsonPath),
                              pdfURL: URL(fileURLWithPath: closed.pdfPath))
    }

    func requests(_ filter: RequestListFilter) async throws -> [RequestRow] {
        try await mapErrors { try await client.requests(filter: filter.rustValue) }
            .map(RequestRow.init(rustValue:))
    }

    func deadlineReminders() async throws -> [DeadlineReminder] {
        try await mapErrors { try await client.takeDeadlineAlerts() }
            .map(DeadlineReminder.init(rustValue:))
    }
}
