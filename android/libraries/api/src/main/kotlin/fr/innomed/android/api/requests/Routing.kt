package fr.innomed.android.api.requests

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.Urgency

/**
 * How long a request of each urgency waits for a taker before the homeserver routes it further
 * (milliseconds), as the CPTS's coordinator set them (the core's defaults: 30 min, 4 h, 24 h).
 */
data class RoutingWindows(val urgentMillis: Long, val soonMillis: Long, val routineMillis: Long)

/** Where the next step of a request's routing stands, as the core says. */
enum class NextStepState {
    /** Goes out at its time unless the request is taken first. */
    PLANNED,

    /** Gone out: the specialists were invited and the coordinator alerted. */
    SENT,

    /** The request was taken: nothing goes out. */
    CANCELLED,
}

/**
 * The next step of a request's routing, as the requesting GP's device planned it: at
 * [atMillis], the homeserver invites [specialists] in the GP's name (none: only the coordinator
 * is alerted).
 */
data class NextStep(val atMillis: Long, val specialists: List<UserId>, val state: NextStepState)

/**
 * A request nobody took within its window, as the homeserver alerted the coordinator: its case
 * [code], [specialty] code and [urgency], the GP who asked, whom it went to next (empty: nobody
 * else on duty) and when.
 */
data class UnansweredRequest(
    val roomId: RoomId,
    val code: String,
    val specialty: String,
    val urgency: Urgency,
    val requester: UserId,
    val next: List<UserId>,
    val atMillis: Long,
)
