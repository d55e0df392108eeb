package fr.innomed.android.api.directory

/**
 * A member's own absence: away from [firstDay] to [lastDay], both included (Paris dates written
 * `YYYY-MM-DD`, as the core reads and gives them). Off duty and out of routing those days,
 * whatever the weekly rota says.
 */
data class Absence(val firstDay: String, val lastDay: String)

/**
 * A member's own one-off permanence: on duty for [specialty] (one of theirs) on [day] (Paris date,
 * `YYYY-MM-DD`), from [startMinute] to [endMinute] (minutes after midnight; the end is excluded
 * and may be 1440), beside the weekly rota.
 */
data class Permanence(val specialty: String, val day: String, val startMinute: Int, val endMinute: Int)

/** A member's declared absences and permanences still to come, soonest first (the core's order). */
data class Availability(
    val absences: List<Absence> = emptyList(),
    val permanences: List<Permanence> = emptyList(),
)

/** Why the core refused an absence or a permanence, or its withdrawal. */
enum class AvailabilityProblem {
    /** A day that is not a date (`YYYY-MM-DD` for the core). */
    BAD_DATE,

    /** The last day of an absence comes before its first. */
    ENDS_BEFORE_START,

    /** It is already over. */
    IN_THE_PAST,

    /** More than a year ahead. */
    TOO_FAR_AHEAD,

    /** It overlaps an absence or a permanence already declared. */
    OVERLAPPING,

    /** Too many absences or permanences declared. */
    TOO_MANY,

    /** The absence or permanence to withdraw is not declared (any more). */
    NO_SUCH_ENTRY,
}
