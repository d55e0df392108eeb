package fr.innomed.android.test

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.requests.Advice
import fr.innomed.android.api.requests.CallBack
import fr.innomed.android.api.requests.ClosedCase
import fr.innomed.android.api.requests.NextStep
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestService
import fr.innomed.android.api.requests.RoutingWindows
import fr.innomed.android.api.requests.TeleExpertiseRequest
import fr.innomed.android.api.requests.UnansweredRequest

class FakeRequestService : RequestService {
    val opened = Calls<TeleExpertiseRequest>()
    val taken = Calls<RoomId>()
    val advised = Calls<Pair<RoomId, Advice>>()
    val closed = Calls<Pair<RoomId, String>>()
    val careTeams = Calls<Pair<CaseHeader, List<UserId>>>()

    var openResult: suspend (TeleExpertiseRequest) -> Outcome<RoomId, RequestError> = { notScripted("open") }
    var takeResult: suspend (RoomId) -> Outcome<Unit, RequestError> = { notScripted("take") }
    var adviceResult: suspend (RoomId, Advice) -> Outcome<Unit, RequestError> = { _, _ -> notScripted("sendAdvice") }
    var closeResult: suspend (RoomId, String) -> Outcome<ClosedCase, RequestError> = { _, _ -> notScripted("closeWithReport") }
    var careTeamResult: suspend (CaseHeader, List<UserId>) -> Outcome<RoomId, RequestError> = { _, _ -> notScripted("openCareTeam") }

    /** A request's routing: each read of the next step by case, and the coordinator's windows and alerts. */
    val nextStepReads = Calls<RoomId>()
    val windowsSet = Calls<RoutingWindows>()
    var nextStepResult: suspend (RoomId) -> Outcome<NextStep?, RequestError> = { notScripted("nextStep") }
    var windowsResult: suspend () -> Outcome<RoutingWindows, RequestError> = { notScripted("routingWindows") }
    var setWindowsResult: suspend (RoutingWindows) -> Outcome<Unit, RequestError> = { notScripted("setRoutingWindows") }
    var unansweredResult: suspend () -> Outcome<List<UnansweredRequest>, RequestError> = { notScripted("unansweredRequests") }

    /** The number to call back, read by case, and each call recorded. */
    val callBackReads = Calls<RoomId>()
    val callsRecorded = Calls<RoomId>()
    var callBackResult: suspend (RoomId) -> Outcome<CallBack?, RequestError> = { notScripted("callBack") }
    var recordCallResult: suspend (RoomId) -> Outcome<Unit, RequestError> = { notScripted("recordCall") }

    override suspend fun callBack(roomId: RoomId) = callBackResult(roomId).also { callBackReads.add(roomId) }

    override suspend fun recordCall(roomId: RoomId) = recordCallResult(roomId).also { callsRecorded.add(roomId) }

    override suspend fun nextStep(roomId: RoomId) = nextStepResult(roomId).also { nextStepReads.add(roomId) }

    override suspend fun routingWindows() = windowsResult()

    override suspend fun setRoutingWindows(windows: RoutingWindows) = setWindowsResult(windows).also { windowsSet.add(windows) }

    override suspend fun unansweredRequests() = unansweredResult()

    override suspend fun open(request: TeleExpertiseRequest) = openResult(request).also { opened.add(request) }

    override suspend fun take(roomId: RoomId) = takeResult(roomId).also { taken.add(roomId) }

    override suspend fun sendAdvice(roomId: RoomId, advice: Advice) =
        adviceResult(roomId, advice).also { advised.add(roomId to advice) }

    override suspend fun closeWithReport(roomId: RoomId, outcome: String) =
        closeResult(roomId, outcome).also { closed.add(roomId to outcome) }

    override suspend fun openCareTeam(header: CaseHeader, members: List<UserId>) =
        careTeamResult(header, members).also { careTeams.add(header to members) }
}

/**
 * Requests whose routing planned no next step on this device and that ask for no call back (the
 * core's nulls), for tests about something else.
 */
fun noNextStep() = FakeRequestService().apply {
    nextStepResult = { Outcome.Success(null) }
    callBackResult = { Outcome.Success(null) }
}
