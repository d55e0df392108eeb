package fr.innomed.android.api.push

import fr.innomed.android.api.RoomId
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.getAndUpdate

/** What a tapped notification opens: an id only, never content. */
sealed interface NotificationTap {
    /** The room it names: the case's, or the CPTS space's. */
    val roomId: RoomId

    /** A case's line (a message, a photo, an invitation, a deadline reminder): the case. */
    data class Case(override val roomId: RoomId) : NotificationTap

    /** A coordinator's unanswered request: the follow-ups ("Relances") of the CPTS [spaceId]. */
    data class Unanswered(val spaceId: RoomId) : NotificationTap {
        override val roomId: RoomId get() = spaceId
    }
}

/** What a tap on this notification opens: the CPTS's follow-ups for an unanswered request, else its case. */
val CaseNotification.tap: NotificationTap
    get() = if (kind == NotificationKind.UNANSWERED) NotificationTap.Unanswered(roomId) else NotificationTap.Case(roomId)

/**
 * The tapped notification waiting to be opened (a case, or a CPTS's unanswered requests). It is
 * handed out once, and only when the app is unlocked and a case can be shown (a doctor signed
 * in, past the sign-in screen): the app lock always comes first. A later tap replaces one not
 * opened yet.
 */
class NotificationTaps {
    private val pendingFlow = MutableStateFlow<NotificationTap?>(null)

    /** The tap waiting; the navigation watches it, with the lock and the session, to [take] it. */
    val pending: StateFlow<NotificationTap?> = pendingFlow.asStateFlow()

    /**
     * A notification was tapped. [roomId] comes from the intent: anything but a room id is
     * ignored. [unanswered]: the intent's flag, the room id then being a CPTS space's.
     */
    fun tapped(roomId: String?, unanswered: Boolean = false) {
        if (roomId == null || !ROOM_ID.matches(roomId)) return
        pendingFlow.value = if (unanswered) NotificationTap.Unanswered(RoomId(roomId)) else NotificationTap.Case(RoomId(roomId))
    }

    /** The tap to open now, handed out once; null while locked or while no case can be shown. */
    fun take(unlocked: Boolean, canShowCase: Boolean): NotificationTap? =
        if (unlocked && canShowCase) pendingFlow.getAndUpdate { null } else null

    /** The session ended: a tap not opened yet is forgotten. */
    fun clear() {
        pendingFlow.value = null
    }

    private companion object {
        // Room version 12 ids have no server part (`!opaque`), older ones do (`!opaque:server`).
        val ROOM_ID = Regex("^!\\S+$")
    }
}
