package fr.innomed.android.api.cases

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import kotlinx.coroutines.flow.Flow

/** The doctor's cases: the live list, invitations, opening a case with a colleague. */
interface CaseService {
    /**
     * The case list, live: the whole list on every change, in no particular order. Archived
     * cases are not in it (see [archivedCases]).
     */
    val cases: Flow<List<CaseSummary>>

    /**
     * The archive, live: the closed cases put away from the list, the whole archive on every
     * change. A case leaves it when a newer message arrives or when the doctor restores it.
     */
    val archivedCases: Flow<List<CaseSummary>>

    /** Joins a case the doctor was invited to. */
    suspend fun accept(roomId: RoomId): Outcome<Unit, CaseError>

    suspend fun decline(roomId: RoomId): Outcome<Unit, CaseError>

    /**
     * Mutes the case (none of the doctor's phones rings for it; it stays in the list with its
     * unread count and deadline) or lets it ring again. Needs the homeserver.
     */
    suspend fun setMuted(roomId: RoomId, muted: Boolean): Outcome<Unit, CaseError>

    /** The code, the doctor's membership and the status info, read now (no status info while only invited). */
    suspend fun details(roomId: RoomId): Outcome<CaseDetails, CaseError>

    /** Opens an encrypted case; the header travels encrypted, never in room state. */
    suspend fun create(newCase: NewCase): Outcome<RoomId, CaseError>

    /** Invites a colleague, who can read what was sent before. */
    suspend fun invite(roomId: RoomId, userId: UserId): Outcome<Unit, CaseError>

    /**
     * Marks a case between colleagues answered or closed. Only the doctor who opened it may
     * ([CaseError.NotAllowed] for anyone else; the homeserver refuses too).
     */
    suspend fun setStatus(roomId: RoomId, status: CaseStatus): Outcome<Unit, CaseError>

    /**
     * Members nobody can vouch for (joined without a member's invitation, without a
     * cross-signing identity, or not confirmed by this doctor); their messages show as
     * untrusted. Asks the homeserver.
     */
    suspend fun unvouchedMembers(roomId: RoomId): Outcome<List<UnvouchedMember>, CaseError>

    /**
     * Confirms, for this case, a member this doctor has not verified and their CPTS has not
     * attested ([Unvouched.NOT_CONFIRMED]), for the identity they have now: the case is written
     * into again (a request they took is handed over).
     */
    suspend fun confirmMember(roomId: RoomId, userId: UserId): Outcome<Unit, CaseError>

    /**
     * Who is in the case or invited to it (and who left), named as the CPTS directory names
     * them, else by their profile, else by their user id.
     */
    suspend fun members(roomId: RoomId): Outcome<List<CaseMember>, CaseError>

    /**
     * The brief of a request this specialist was routed to, from the GP who asked; null for any
     * other case, or until it arrives.
     */
    suspend fun requestBrief(roomId: RoomId): Outcome<RequestBrief?, CaseError>

    /**
     * What the doctor may do with this case now, as the core decides it: role, actions, why a
     * request waits for its hand-over (nobody writes into it until then) and its deadline. The
     * screen shows these; it decides nothing itself.
     */
    suspend fun allowedActions(roomId: RoomId): Outcome<CaseActions, CaseError>

    /** Puts a closed case in the archive ([CaseError.NotClosed] for any other). */
    suspend fun archive(roomId: RoomId): Outcome<Unit, CaseError>

    /** Brings a case back from the archive into the list. */
    suspend fun restore(roomId: RoomId): Outcome<Unit, CaseError>

    /** Archives every closed case nothing happened in for [days] days; how many were archived. */
    suspend fun archiveClosedOlderThan(days: Int): Outcome<Int, CaseError>
}
