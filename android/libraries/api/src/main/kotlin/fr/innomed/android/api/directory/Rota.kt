package fr.innomed.android.api.directory

import fr.innomed.android.api.UserId

enum class Weekday { MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY }

/** A weekly duty slot, Paris time: [startMinute] to [endMinute] (minutes since midnight) on [weekday]. */
data class DutySlot(val specialty: String, val weekday: Weekday, val startMinute: Int, val endMinute: Int)

/**
 * The CPTS's duty rota by week, as the space holds it: every member of the directory and their
 * slots. [isCoordinator]: the signed-in doctor coordinates the CPTS (only they may change it; the
 * homeserver refuses anyone else). [availability]: the absences and one-off permanences members
 * declared themselves, still to come (only members who declared any); an absence takes a member
 * off duty whatever their slots say.
 */
data class Rota(
    val isCoordinator: Boolean,
    val members: List<MemberEntry>,
    val slots: Map<UserId, List<DutySlot>>,
    val availability: Map<UserId, Availability> = emptyMap(),
)

/** Why the core refused a slot. */
enum class SlotProblem {
    /** The specialty is not one of the member's. */
    NOT_MEMBER_SPECIALTY,

    /** A slot starts before it ends, within one day. */
    OUTSIDE_DAY,
}
