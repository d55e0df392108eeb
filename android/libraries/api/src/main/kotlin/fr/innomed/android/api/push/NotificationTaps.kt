package fr.innomed.android.api.push

import fr.innomed.android.api.RoomId
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.getAndUpdate

/**
 * The case of a tapped notification, waiting to be opened. It is handed out once, and only when
 * the app is unlocked and a case can be shown (a doctor signed in, past the sign-in screen): the
 * app lock always comes first. A later tap replaces a case not opened yet.
 */
class NotificationTaps {
    private val pendingFlow = MutableStateFlow<RoomId?>(null)

    /** The case waiting; the navigation watches it, with the lock and the session, to [take] it. */
    val pending: StateFlow<RoomId?> = pendingFlow.asStateFlow()

    /** A notification was tapped. [roomId] comes from the intent: anything but a room id is ignored. */
    fun tapped(roomId: String?) {
        if (roomId != null && ROOM_ID.matches(roomId)) pendingFlow.value = RoomId(roomId)
    }

    /** The case to open now, handed out once; null while locked or while no case can be shown. */
    fun take(unlocked: Boolean, canShowCase: Boolean): RoomId? =
        if (unlocked && canShowCase) pendingFlow.getAndUpdate { null } else null

    /** The session ended: a case not opened yet is forgotten. */
    fun clear() {
        pendingFlow.value = null
    }

    private companion object {
        // Room version 12 ids have no server part (`!opaque`), older ones do (`!opaque:server`).
        val ROOM_ID = Regex("^!\\S+$")
    }
}
