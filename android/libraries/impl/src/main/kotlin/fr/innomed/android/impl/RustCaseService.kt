package fr.innomed.android.impl

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseMember
import fr.innomed.android.api.cases.CaseService
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.CaseSummary
import fr.innomed.android.api.cases.NewCase
import fr.innomed.android.api.cases.RequestBrief
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.core.CaseFilter
import fr.innomed.sdk.CaseListDiff
import fr.innomed.sdk.CaseListListener
import fr.innomed.sdk.CaseRoom
import fr.innomed.sdk.Client
import fr.innomed.sdk.TaskHandle
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.callbackFlow
import fr.innomed.core.CaseSummary as SdkCaseSummary
import fr.innomed.core.NewCase as SdkNewCase

class RustCaseService internal constructor(private val client: Client) : CaseService {
    /**
     * One subscription per collector: the core sends a reset then diffs, applied to a local
     * copy; each change emits the whole list. The latest list wins if the collector is slow.
     * Cancelling the collector cancels and frees the subscription's `TaskHandle`.
     */
    override val cases: Flow<List<CaseSummary>> = caseList { client.subscribeCases(it) }

    /** The core's list through its filter for the archive, followed as [cases] is. */
    override val archivedCases: Flow<List<CaseSummary>> =
        caseList { client.subscribeCasesFiltered(CaseFilter(archived = true), it) }

    private fun caseList(subscribe: (CaseListListener) -> TaskHandle): Flow<List<CaseSummary>> = callbackFlow {
        val summaries = ArrayList<SdkCaseSummary>()
        val listener = object : CaseListListener {
            override fun onUpdate(diffs: List<CaseListDiff>) {
                val snapshot = synchronized(summaries) {
                    diffs.forEach { summaries.apply(it) }
                    summaries.toList()
                }
                trySend(snapshot.map { it.toApi() })
            }
        }
        follow { subscribe(listener) }
    }.buffer(Channel.CONFLATED)

    override suspend fun accept(roomId: RoomId): Outcome<Unit, CaseError> =
        attempt(::caseError) { room(roomId).use { it.accept() } }

    override suspend fun decline(roomId: RoomId): Outcome<Unit, CaseError> =
        attempt(::caseError) { room(roomId).use { it.decline() } }

    override suspend fun setMuted(roomId: RoomId, muted: Boolean): Outcome<Unit, CaseError> =
        attempt(::caseError) { room(roomId).use { it.setMuted(muted) } }

    override suspend fun details(roomId: RoomId): Outcome<CaseDetails, CaseError> =
        attempt(::caseError) {
            room(roomId).use { caseDetails(it.roomId(), it.code(), it.membership(), it.status(), it.isMuted()) }
        }

    override suspend fun create(newCase: NewCase): Outcome<RoomId, CaseError> =
        attempt(::caseError) {
            val sdkCase = SdkNewCase(
                header = newCase.header.toSdk(),
                specialty = newCase.specialty,
                urgency = newCase.urgency.toSdk(),
                dueMs = null,
            )
            client.createCase(sdkCase).use { RoomId(it.roomId()) }
        }

    override suspend fun invite(roomId: RoomId, userId: UserId): Outcome<Unit, CaseError> =
        attempt(::caseError) { room(roomId).use { it.invite(userId.value) } }

    override suspend fun setStatus(roomId: RoomId, status: CaseStatus): Outcome<Unit, CaseError> =
        attempt(::caseError) { room(roomId).use { it.setStatus(status.toSdk()) } }

    override suspend fun unvouchedMembers(roomId: RoomId): Outcome<List<UnvouchedMember>, CaseError> =
        attempt(::caseError) { room(roomId).use { room -> room.unvouchedMembers().map { it.toApi() } } }

    override suspend fun confirmMember(roomId: RoomId, userId: UserId): Outcome<Unit, CaseError> =
        attempt(::caseError) { room(roomId).use { it.confirmMember(userId.value) } }

    override suspend fun members(roomId: RoomId): Outcome<List<CaseMember>, CaseError> =
        attempt(::caseError) { room(roomId).use { room -> room.members().map { it.toApi() } } }

    override suspend fun requestBrief(roomId: RoomId): Outcome<RequestBrief?, CaseError> =
        attempt(::caseError) { room(roomId).use { it.requestBrief()?.toApi() } }

    override suspend fun allowedActions(roomId: RoomId): Outcome<CaseActions, CaseError> =
        attempt(::caseError) { room(roomId).use { it.allowedActions().toApi() } }

    override suspend fun archive(roomId: RoomId): Outcome<Unit, CaseError> =
        attempt(::caseError) { room(roomId).use { it.archive() } }

    override suspend fun restore(roomId: RoomId): Outcome<Unit, CaseError> =
        attempt(::caseError) { room(roomId).use { it.restore() } }

    override suspend fun archiveClosedOlderThan(days: Int): Outcome<Int, CaseError> =
        attempt(::caseError) { client.archiveClosedOlderThan(days.coerceAtLeast(0).toUInt()).toIntClamped() }

    private fun room(roomId: RoomId): CaseRoom = client.case(roomId.value)
}
