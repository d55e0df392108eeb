package fr.innomed.android.impl

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
import fr.innomed.core.PhotoSource
import fr.innomed.core.RequestPhoto
import fr.innomed.sdk.Client
import fr.innomed.sdk.Cpts
import java.io.File
import java.io.IOException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/** [reportsDir]: the app-private folder where closing writes the report (JSON and PDF). */
class RustRequestService internal constructor(
    private val client: Client,
    private val cpts: CptsLocator,
    private val reportsDir: File,
) : RequestService {
    override suspend fun open(request: TeleExpertiseRequest): Outcome<RoomId, RequestError> {
        val space = when (val found = attempt(::requestError) { cpts.joined() }) {
            is Outcome.Failure -> return found
            is Outcome.Success -> found.value ?: return Outcome.Failure(RequestError.NoCpts)
        }
        // The photos go with the request (nothing may be written into it before its hand-over):
        // read here, sanitised by the core; the caller deletes the files.
        val photos = try {
            withContext(Dispatchers.IO) { request.photos.map { RequestPhoto(source = PhotoSource.Bytes(it.readBytes()), caption = null) } }
        } catch (e: IOException) {
            return Outcome.Failure(RequestError.PhotoRefused)
        }
        return attempt(::requestError) { space.openRequest(request.toSdk(photos)).use { RoomId(it.roomId()) } }
    }

    override suspend fun take(roomId: RoomId): Outcome<Unit, RequestError> =
        attempt(::requestError) { client.case(roomId.value).use { it.takeRequest() } }

    override suspend fun sendAdvice(roomId: RoomId, advice: Advice): Outcome<Unit, RequestError> =
        attempt(::requestError) { client.case(roomId.value).use { it.sendAdvice(advice.toSdk()) } }

    override suspend fun closeWithReport(roomId: RoomId, outcome: String): Outcome<ClosedCase, RequestError> =
        attempt(::requestError) {
            reportsDir.mkdirs()
            val closed = client.case(roomId.value).use { it.closeWithReport(outcome, reportsDir.path) }
            ClosedCase(pdfPath = closed.pdfPath, jsonPath = closed.jsonPath)
        }

    override suspend fun openCareTeam(header: CaseHeader, members: List<UserId>): Outcome<RoomId, RequestError> {
        val space = when (val found = attempt(::requestError) { cpts.joined() }) {
            is Outcome.Failure -> return found
            is Outcome.Success -> found.value ?: return Outcome.Failure(RequestError.NoCpts)
        }
        return attempt(::careTeamError) {
            space.openCareTeam(header.toSdk(), members.map { it.value }).use { RoomId(it.roomId()) }
        }
    }

    override suspend fun nextStep(roomId: RoomId): Outcome<NextStep?, RequestError> =
        attempt(::requestError) { client.case(roomId.value).use { it.nextStep()?.toApi() } }

    override suspend fun routingWindows(): Outcome<RoutingWindows, RequestError> = withCpts { it.routingWindows().toApi() }

    override suspend fun setRoutingWindows(windows: RoutingWindows): Outcome<Unit, RequestError> =
        withCpts { it.setRoutingWindows(windows.toSdk()) }

    override suspend fun unansweredRequests(): Outcome<List<UnansweredRequest>, RequestError> =
        withCpts { space -> space.unansweredRequests().map { it.toApi() } }

    override suspend fun callBack(roomId: RoomId): Outcome<CallBack?, RequestError> =
        attempt(::requestError) { client.case(roomId.value).use { it.callBack()?.toApi() } }

    override suspend fun recordCall(roomId: RoomId): Outcome<Unit, RequestError> =
        attempt(::requestError) { client.case(roomId.value).use { it.recordCall() } }

    private inline fun <T> withCpts(block: (Cpts) -> T): Outcome<T, RequestError> {
        val space = when (val found = attempt(::requestError) { cpts.joined() }) {
            is Outcome.Failure -> return found
            is Outcome.Success -> found.value ?: return Outcome.Failure(RequestError.NoCpts)
        }
        return attempt(::requestError) { block(space) }
    }
}
