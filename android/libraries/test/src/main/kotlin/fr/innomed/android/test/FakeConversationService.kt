package fr.innomed.android.test

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.conversation.ConversationService
import fr.innomed.android.api.conversation.ConversationUnavailableException
import fr.innomed.android.api.conversation.MessageError
import fr.innomed.android.api.conversation.TimelineEntry
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.flow

/** Timelines in memory, per case; sends are scripted and recorded. */
class FakeConversationService : ConversationService {
    private val timelines = HashMap<RoomId, MutableStateFlow<List<TimelineEntry>>>()

    /** Cases whose timeline cannot be opened, and why. */
    val unavailable = HashMap<RoomId, MessageError>()

    data class Sent(val roomId: RoomId, val markdown: String, val replyTo: EventId?)

    val sent = Calls<Sent>()
    val historyLoads = Calls<RoomId>()
    val reads = Calls<RoomId>()

    var sendResult: suspend (Sent) -> Outcome<Unit, MessageError> = { notScripted("sendText/reply") }
    var loadHistoryResult: suspend (RoomId) -> Outcome<Boolean, MessageError> = { Outcome.Success(true) }
    var markReadResult: suspend (RoomId) -> Outcome<Unit, MessageError> = { Outcome.Done }

    /** The in-memory timeline of [roomId], to set or change from a test. */
    fun entries(roomId: RoomId): MutableStateFlow<List<TimelineEntry>> =
        synchronized(timelines) { timelines.getOrPut(roomId) { MutableStateFlow(emptyList()) } }

    override fun timeline(roomId: RoomId): Flow<List<TimelineEntry>> = flow {
        unavailable[roomId]?.let { throw ConversationUnavailableException(it) }
        entries(roomId).collect { emit(it) }
    }

    override suspend fun loadHistory(roomId: RoomId) = loadHistoryResult(roomId).also { historyLoads.add(roomId) }

    override suspend fun sendText(roomId: RoomId, markdown: String) = send(Sent(roomId, markdown, null))

    override suspend fun reply(roomId: RoomId, to: EventId, markdown: String) = send(Sent(roomId, markdown, to))

    override suspend fun markRead(roomId: RoomId) = markReadResult(roomId).also { reads.add(roomId) }

    private suspend fun send(call: Sent) = sendResult(call).also { sent.add(call) }
}
