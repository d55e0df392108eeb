package fr.innomed.android.api.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId

/**
 * The CPTS directory: who is who, who is on duty now, the rota by week, and each member's own
 * absences and one-off permanences beside it; the partner CPTS it declared.
 */
interface DirectoryService {
    /** The fixed list of French medical specialties, with their labels. */
    fun specialties(): List<Specialty>

    /** By specialty code and part of a name (accents and case ignored); both optional. */
    suspend fun search(specialty: String?, name: String?): Outcome<List<MemberEntry>, DirectoryError>

    suspend fun onDutyNow(specialty: String): Outcome<List<MemberEntry>, DirectoryError>

    /** The duty rota by week, the members' declared absences and permanences, and whether this doctor may change the rota. */
    suspend fun rota(): Outcome<Rota, DirectoryError>

    /** Replaces a member's weekly slots (coordinator only); an empty list takes them off the rota. */
    suspend fun setDuty(userId: UserId, slots: List<DutySlot>): Outcome<Unit, DirectoryError>

    /** Whether the signed-in doctor coordinates their CPTS: the screens offer its changes only then. */
    suspend fun isCoordinator(): Outcome<Boolean, DirectoryError>

    /**
     * Corrects a member's entry (coordinator only): the name, the specialties, retired or not. The
     * RPPS number and the profession stay (another number is another person); the core checks the
     * entry as a new one and takes slots in a specialty taken away off the rota.
     */
    suspend fun editMember(userId: UserId, edit: EntryEdit): Outcome<MemberEntry, DirectoryError>

    /** The signed-in member's own absences and permanences still to come, soonest first. */
    suspend fun myAvailability(): Outcome<Availability, DirectoryError>

    /** Declares an absence of the signed-in member; the core checks it and gives back the new availability. */
    suspend fun addAbsence(absence: Absence): Outcome<Availability, DirectoryError>

    /** Declares a one-off permanence of the signed-in member, in one of their specialties. */
    suspend fun addPermanence(permanence: Permanence): Outcome<Availability, DirectoryError>

    /** Withdraws one of the signed-in member's absences, as the core gave it. */
    suspend fun removeAbsence(absence: Absence): Outcome<Availability, DirectoryError>

    /** Withdraws one of the signed-in member's permanences, as the core gave it. */
    suspend fun removePermanence(permanence: Permanence): Outcome<Availability, DirectoryError>

    /** The partner CPTS the doctor's CPTS declared, and whether each declared it in return. */
    suspend fun partners(): Outcome<List<PartnerCpts>, DirectoryError>

    /**
     * Declares a partner CPTS by its space and its coordinator, or confirms one that declared the
     * doctor's CPTS first (coordinator only). The core checks both identifiers: its own space or
     * one that names no CPTS is [DirectoryError.NotAPartner], a coordinator that is not a user id
     * [DirectoryError.InvalidUserId], one on a server outside the network [DirectoryError.OutsideNetwork].
     */
    suspend fun declarePartner(spaceId: String, coordinator: UserId): Outcome<PartnerCpts, DirectoryError>

    /** Ends a partnership (coordinator only): requests no longer go to that CPTS's specialists. */
    suspend fun withdrawPartner(spaceId: String): Outcome<Unit, DirectoryError>
}

data class Specialty(val code: String, val labelFr: String, val labelEn: String)

enum class Profession { PHYSICIAN, NURSE, PHARMACIST, PHYSIOTHERAPIST, MIDWIFE, DENTIST }

/** One member of the directory (professional data, never patient data). */
data class MemberEntry(
    val userId: UserId,
    val displayName: String,
    val profession: Profession,
    val specialties: List<String>,
    val rpps: String,
    val retired: Boolean,
)

/** What the coordinator may change in a directory entry. */
data class EntryEdit(
    val displayName: String,
    /** Codes of the fixed list; a physician keeps at least one (the core's rule). */
    val specialties: List<String>,
    val retired: Boolean,
)

/** Why the core refused an entry. */
enum class EntryProblem {
    /** The name is empty. */
    NO_MEMBER_NAME,

    /** A physician needs a specialty. */
    NO_SPECIALTY,
}

sealed interface DirectoryError {
    /** The doctor is in no CPTS (or has not joined it yet). */
    data object NoCpts : DirectoryError

    data class UnknownSpecialty(val code: String) : DirectoryError

    /**
     * Only the CPTS's coordinator may do this. For a member's own availability: their CPTS's space
     * does not let members declare it yet (made before it existed, until the coordinator's next
     * change to the rota).
     */
    data object NotAllowed : DirectoryError

    data object NotInDirectory : DirectoryError

    /**
     * The professional the coordinator adds uses the server of a CPTS that is not a partner of
     * theirs: they cannot be added to the directory (nothing was written).
     */
    data object OutsideNetwork : DirectoryError

    /** The CPTS named is not a partner of the doctor's (never declared, or their own). */
    data object NotAPartner : DirectoryError

    /** The partner CPTS has not declared the doctor's in return (or ended the partnership). */
    data object PartnerNotAgreed : DirectoryError

    /** A user id typed by the doctor (a partner CPTS's coordinator) is not one (form @name:server). */
    data object InvalidUserId : DirectoryError

    data class InvalidSlot(val problem: SlotProblem) : DirectoryError

    data class InvalidEntry(val problem: EntryProblem) : DirectoryError

    /** An absence or a permanence the core refused (a permanence's hours and specialty are [InvalidSlot]). */
    data class InvalidAvailability(val problem: AvailabilityProblem) : DirectoryError

    data object HomeserverUnreachable : DirectoryError

    data class Other(val code: String) : DirectoryError
}
