package fr.innomed.android.api.cpts

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.Profession

/**
 * Joining a CPTS: a doctor asks by the CPTS's space id; its coordinator approves (the directory
 * entry comes from the asker's Pro Santé Connect identity) or refuses. A doctor in no CPTS may
 * create one and become its coordinator. The coordinator's calls act on the doctor's CPTS;
 * whether the doctor may make them is the core's answer. An approved doctor (or one the
 * coordinator added) finds the CPTS among their [invitations] and [accept]s it.
 */
interface JoinRequestService {
    /** Creates a CPTS named [name]; the doctor becomes its coordinator and it becomes the doctor's CPTS. */
    suspend fun createCpts(name: String): Outcome<CptsInfo, JoinRequestError>

    /** Asks to join the CPTS [spaceId] (given by its coordinator); an approval arrives as its invitation. */
    suspend fun askToJoin(spaceId: String): Outcome<Unit, JoinRequestError>

    /** The doctor's CPTS and whether they coordinate it (the core's answer); [JoinRequestError.NoCpts] when in none. */
    suspend fun ownCpts(): Outcome<OwnCpts, JoinRequestError>

    /** The CPTS that invited the doctor (their request approved, or added by the coordinator) and not joined yet. */
    suspend fun invitations(): Outcome<List<CptsInfo>, JoinRequestError>

    /** Accepts the invitation of the CPTS [spaceId]: joined, it becomes the doctor's CPTS (directory, rota, requests). */
    suspend fun accept(spaceId: String): Outcome<CptsInfo, JoinRequestError>

    /** Who asked to join the doctor's CPTS and waits, with their Pro Santé Connect identity. */
    suspend fun joinRequests(): Outcome<List<JoinRequest>, JoinRequestError>

    /** Approves [userId]: the entry comes from their PSC identity; [specialties] are those served on duty. */
    suspend fun approve(userId: UserId, specialties: List<String>, retired: Boolean): Outcome<MemberEntry, JoinRequestError>

    suspend fun refuse(userId: UserId): Outcome<Unit, JoinRequestError>
}

/** A CPTS: [spaceId] is what its coordinator gives the professionals who ask to join it. */
data class CptsInfo(val spaceId: String, val name: String)

/** The doctor's CPTS; [coordinator]: they coordinate it (answer join requests, keep the directory and the rota). */
data class OwnCpts(val cpts: CptsInfo, val coordinator: Boolean)

/** Someone who asked to join; [identity] null: the account did not sign in with Pro Santé Connect. */
data class JoinRequest(val userId: UserId, val identity: PscIdentity?)

/** What Pro Santé Connect said of a professional when they signed in, as the homeserver kept it. */
data class PscIdentity(
    /** `8` then the RPPS number for professionals in RPPS. */
    val nationalId: String,
    val givenName: String,
    val familyName: String,
    /** Null when the profession is not one Innomed knows. */
    val profession: Profession?,
    val professionCode: String,
    val specialtyCode: String?,
)

sealed interface JoinRequestError {
    /** The doctor is in no CPTS (a coordinator's call). */
    data object NoCpts : JoinRequestError

    /** No CPTS has this space id (or it is not a space id). */
    data object CptsNotFound : JoinRequestError

    data object NotAllowed : JoinRequestError

    /** The asker did not sign in with Pro Santé Connect: there is nothing to fill their entry from. */
    data object NoVerifiedIdentity : JoinRequestError

    /**
     * The asker uses the server of a CPTS that is not a partner of this one: they cannot be
     * approved into the directory (nothing was written).
     */
    data object OutsideNetwork : JoinRequestError

    data class UnknownSpecialty(val code: String) : JoinRequestError

    /** A new CPTS needs a name. */
    data object NoCptsName : JoinRequestError

    data object HomeserverUnreachable : JoinRequestError

    data class Other(val code: String) : JoinRequestError
}
