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

    /// The number a GP typed to be called back on, checked and formatted by the core (on the
    /// phone, no network). Throws `invalidRequest(.invalidPhone)` when it is not a valid number.
    func checkCallBack(_ typed: String) throws -> CallBack

    /// The number the GP asked to be called back on, for the specialist who took the request;
    /// `nil` when the GP asked for none (or it cannot be read yet: before the hand-over).
    func callBack(in id: CaseID) async throws -> CallBack?

    /// Records in the case that this doctor placed a call: every member's conversation shows
    /// who called and when, nothing of what was said. Needs the homeserver.
    func recordCall(in id: CaseID) async throws

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

    /// The deadline reminders still to come for the doctor's open requests, soonest first (read
    /// on this device; the app schedules them as local notifications). Each time the whole list.
    func reminderSchedule() async throws -> [ScheduledReminder]

    // Requests never wait unseen: nobody took a request within the CPTS's window for its urgency,
    // so the homeserver invites the next specialists on duty in the GP's name and alerts the
    // coordinator (at once when everyone routed declined; cancelled when it is taken).

    /// How long a request of each urgency waits for a taker in this CPTS (the defaults until the
    /// coordinator sets them). Any member reads them.
    func routingWindows(in cpts: CptsID) async throws -> RoutingWindows

    /// Coordinator: sets the three windows. The core refuses a window under 5 seconds or not
    /// shorter than its urgency's deadline (`invalidRequest(.routingWindow)`), and anyone but
    /// the coordinator (`coordinatorOnly`).
    func setRoutingWindows(_ windows: RoutingWindows, in cpts: CptsID) async throws

    /// The requests of this CPTS nobody took within their window, newest first (the
    /// coordinator's screen).
    func unansweredRequests(in cpts: CptsID) async throws -> [UnansweredRequest]

    /// On the GP's device: the next step of this request's routing (when, to whom, whether it
    /// went out); `nil` on any other device, for any other case, or when none could be planned.
    /// Throws only when this account has no such case here.
    func nextStep(of id: CaseID) async throws -> NextStep?
}
