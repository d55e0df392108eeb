import Foundation

/// The télé-expertise workflow through a CPTS: request, take, advise, close with a report; and
/// the coordinator's care teams.
public protocol RequestService: AnyObject {
    /// Every CPTS this doctor is in or invited to.
    func spaces() throws -> [Cpts]

    /// Opens a request routed to the specialists on duty (or the one picked). Fails with
    /// `noOneOnDuty` listing the directory's specialists to pick from.
    func openRequest(_ draft: TeleExpertiseRequest, in cpts: CptsID) async throws -> CaseID

    /// Coordinator: opens a care team in this CPTS, a shared case for a patient followed by
    /// several professionals of its directory (invited in the order given; the coordinator is its
    /// only admin). The core checks every member before the case exists: it refuses one no longer
    /// in the directory (`notInDirectory`), one it cannot invite, no member at all, or a header it
    /// does not accept.
    func openCareTeam(_ header: CaseHeader, members: [UserID], in cpts: CptsID) async throws -> CaseID

    /// The first acceptance wins; later ones fail with `alreadyTaken`.
    func take(_ id: CaseID) async throws

    /// The specialist who took the request answers; the case becomes answered.
    func sendAdvice(_ advice: Advice, in id: CaseID) async throws

    func advice(in id: CaseID) async throws -> GivenAdvice?

    /// The requesting GP closes an answered request; the report stays on this device.
    func close(_ id: CaseID, outcome: String) async throws -> ClosedCase

    func requests(_ filter: RequestFilter) async throws -> [RequestSummary]

    /// Reminders not shown yet, each given once.
    func deadlineReminders() async throws -> [DeadlineAlert]
}
