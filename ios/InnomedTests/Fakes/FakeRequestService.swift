import Foundation
@testable import InnomedServices

final class FakeRequestService: RequestService {
    var cptsSpaces: [Cpts] = []
    var onOpen: (RequestDraft, CptsID) async throws -> CaseID = { _, _ in try unstubbed("openRequest") }
    var onAdvice: (CaseID) async throws -> ReceivedAdvice? = { _ in nil }
    var taken: [CaseID] = []
    var onSendAdvice: (AdviceCard, CaseID) async throws -> Void = { _, _ in try unstubbed("sendAdvice") }
    var onReminders: () async throws -> [DeadlineReminder] = { try unstubbed("deadlineReminders") }

    func spaces() throws -> [Cpts] { cptsSpaces }
    func openRequest(_ draft: RequestDraft, in cpts: CptsID) async throws -> CaseID { try await onOpen(draft, cpts) }
    func take(_ id: CaseID) async throws { taken.append(id) }
    func sendAdvice(_ advice: AdviceCard, in id: CaseID) async throws { try await onSendAdvice(advice, id) }
    func advice(in id: CaseID) async throws -> ReceivedAdvice? { try await onAdvice(id) }
    func close(_ id: CaseID, outcome: String) async throws -> ReportLocation { try unstubbed("close") }
    func requests(_ filter: RequestListFilter) async throws -> [RequestRow] { try unstubbed("requests") }
    func deadlineReminders() async throws -> [DeadlineReminder] { try await onReminders() }
}
