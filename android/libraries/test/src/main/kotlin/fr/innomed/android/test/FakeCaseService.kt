package fr.innomed.android.test

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
import kotlinx.coroutines.flow.MutableStateFlow

/** The case list is in memory ([rows]); the actions are scripted and recorded. */
class FakeCaseService : CaseService {
    val rows = MutableStateFlow<List<CaseSummary>>(emptyList())
    override val cases = rows

    /** The archive, in memory. */
    val archivedRows = MutableStateFlow<List<CaseSummary>>(emptyList())
    override val archivedCases = archivedRows

    val accepted = Calls<RoomId>()
    val declined = Calls<RoomId>()
    val invited = Calls<Pair<RoomId, UserId>>()
    val statuses = Calls<Pair<RoomId, CaseStatus>>()
    val created = Calls<NewCase>()
    val confirmed = Calls<Pair<RoomId, UserId>>()
    val mutes = Calls<Pair<RoomId, Boolean>>()
    val archived = Calls<RoomId>()
    val restored = Calls<RoomId>()
    val archivedOlderThan = Calls<Int>()

    var acceptResult: suspend (RoomId) -> Outcome<Unit, CaseError> = { notScripted("accept") }
    var declineResult: suspend (RoomId) -> Outcome<Unit, CaseError> = { notScripted("decline") }
    var muteResult: suspend (RoomId, Boolean) -> Outcome<Unit, CaseError> = { _, _ -> notScripted("setMuted") }
    var detailsResult: suspend (RoomId) -> Outcome<CaseDetails, CaseError> = { notScripted("details") }
    var createResult: suspend (NewCase) -> Outcome<RoomId, CaseError> = { notScripted("create") }
    var inviteResult: suspend (RoomId, UserId) -> Outcome<Unit, CaseError> = { _, _ -> notScripted("invite") }
    var setStatusResult: suspend (RoomId, CaseStatus) -> Outcome<Unit, CaseError> = { _, _ -> notScripted("setStatus") }
    var unvouchedResult: suspend (RoomId) -> Outcome<List<UnvouchedMember>, CaseError> = { notScripted("unvouchedMembers") }
    var confirmResult: suspend (RoomId, UserId) -> Outcome<Unit, CaseError> = { _, _ -> notScripted("confirmMember") }
    var membersResult: suspend (RoomId) -> Outcome<List<CaseMember>, CaseError> = { notScripted("members") }
    var briefResult: suspend (RoomId) -> Outcome<RequestBrief?, CaseError> = { notScripted("requestBrief") }
    /** What the core decides for the doctor on a case: the screens show it as it comes. */
    var allowedResult: suspend (RoomId) -> Outcome<CaseActions, CaseError> = { notScripted("allowedActions") }
    var archiveResult: suspend (RoomId) -> Outcome<Unit, CaseError> = { notScripted("archive") }
    var restoreResult: suspend (RoomId) -> Outcome<Unit, CaseError> = { notScripted("restore") }
    /** By days: how many closed cases the core archived. */
    var archiveOldResult: suspend (Int) -> Outcome<Int, CaseError> = { notScripted("archiveClosedOlderThan") }

    override suspend fun accept(roomId: RoomId) = acceptResult(roomId).also { accepted.add(roomId) }

    override suspend fun decline(roomId: RoomId) = declineResult(roomId).also { declined.add(roomId) }

    override suspend fun setMuted(roomId: RoomId, muted: Boolean) =
        muteResult(roomId, muted).also { mutes.add(roomId to muted) }

    override suspend fun details(roomId: RoomId) = detailsResult(roomId)

    override suspend fun create(newCase: NewCase) = createResult(newCase).also { created.add(newCase) }

    override suspend fun invite(roomId: RoomId, userId: UserId) =
        inviteResult(roomId, userId).also { invited.add(roomId to userId) }

    override suspend fun setStatus(roomId: RoomId, status: CaseStatus) =
        setStatusResult(roomId, status).also { statuses.add(roomId to status) }

    override suspend fun unvouchedMembers(roomId: RoomId) = unvouchedResult(roomId)

    override suspend fun confirmMember(roomId: RoomId, userId: UserId) =
        confirmResult(roomId, userId).also { confirmed.add(roomId to userId) }

    override suspend fun members(roomId: RoomId) = membersResult(roomId)

    override suspend fun requestBrief(roomId: RoomId) = briefResult(roomId)

    override suspend fun allowedActions(roomId: RoomId) = allowedResult(roomId)

    override suspend fun archive(roomId: RoomId) = archiveResult(roomId).also { archived.add(roomId) }

    override suspend fun restore(roomId: RoomId) = restoreResult(roomId).also { restored.add(roomId) }

    override suspend fun archiveClosedOlderThan(days: Int) = archiveOldResult(days).also { archivedOlderThan.add(days) }

    /** Replaces one row (by room id), as a sync update would. */
    fun update(roomId: RoomId, change: (CaseSummary) -> CaseSummary) {
        rows.value = rows.value.map { if (it.roomId == roomId) change(it) else it }
    }
}
