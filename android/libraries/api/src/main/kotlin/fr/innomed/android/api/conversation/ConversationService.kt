package fr.innomed.android.api.conversation

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import kotlinx.coroutines.flow.Flow

/** The conversation of a joined case. */
interface ConversationService {
    /**
     * The timeline, live: the whole list on every change, oldest first. The flow fails with
     * [ConversationUnavailableException] when the case cannot be opened (not joined, closed
     * session).
     */
    fun timeline(roomId: RoomId): Flow<List<TimelineEntry>>

    /** Loads the case back to its creation (bounded); true if it is all in view. */
    suspend fun loadHistory(roomId: RoomId): Outcome<Boolean, MessageError>

    /** Queues a markdown message; returns once it is durably queued on this device. */
    suspend fun sendText(roomId: RoomId, markdown: String): Outcome<Unit, MessageError>

    suspend fun reply(roomId: RoomId, to: EventId, markdown: String): Outcome<Unit, MessageError>

    /** Sends a read receipt for the latest message. */
    suspend fun markRead(roomId: RoomId): Outcome<Unit, MessageError>
}

sealed interface MessageError {
    data object EmptyMessage : MessageError

    data object NotJoined : MessageError

    data object MessageNotFound : MessageError

    data object HomeserverUnreachable : MessageError

    data class Other(val code: String) : MessageError
}

/** Ends a [ConversationService.timeline] flow that could not start. */
class ConversationUnavailableException(val error: MessageError) : Exception("conversation unavailable: $error")
