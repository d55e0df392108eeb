package fr.innomed.android.test

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.requests.Advice
import fr.innomed.android.api.requests.ClosedCase
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestService
import fr.innomed.android.api.requests.TeleExpertiseRequest

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

    override suspend fun open(request: TeleExpertiseRequest) = openResult(request).also { opened.add(request) }

    override suspend fun take(roomId: RoomId) = takeResult(roomId).also { taken.add(roomId) }

    override suspend fun sendAdvice(roomId: RoomId, advice: Advice) =
        adviceResult(roomId, advice).also { advised.add(roomId to advice) }

    override suspend fun closeWithReport(roomId: RoomId, outcome: String) =
        closeResult(roomId, outcome).also { closed.add(roomId to outcome) }

    override suspend fun openCareTeam(header: CaseHeader, members: List<UserId>) =
        careTeamResult(header, members).also { careTeams.add(header to members) }
}
