package fr.innomed.android.impl

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.conversation.ConversationService
import fr.innomed.android.api.conversation.ConversationUnavailableException
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.MessageError
import fr.innomed.android.api.conversation.MessageRef
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.conversation.PhotoSize
import fr.innomed.android.api.conversation.TimelineEntry
import fr.innomed.android.api.conversation.UploadProgress
import fr.innomed.sdk.CaseRoom
import fr.innomed.sdk.Client
import fr.innomed.sdk.Conversation
import fr.innomed.sdk.ConversationDiff
import fr.innomed.core.ConversationItem
import fr.innomed.core.PhotoSource
import fr.innomed.sdk.ConversationListener
import java.io.File
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.callbackFlow
import fr.innomed.core.MessageRef as SdkMessageRef
import fr.innomed.core.PhotoSize as SdkPhotoSize

/**
 * One `Conversation` per case, opened on first use and kept until [close] (the session's end):
 * the subscription, the sends and the photos of a case screen share it, as the SDK expects.
 */
class RustConversationService internal constructor(private val client: Client) : ConversationService, AutoCloseable {
    private class Opened(val room: CaseRoom, val timeline: Conversation)

    private val opened = HashMap<RoomId, Opened>()
    private val photoUploads = PhotoUploads()

    private suspend fun timelineOf(roomId: RoomId): Conversation {
        synchronized(opened) { opened[roomId]?.let { return it.timeline } }
        val room = client.case(roomId.value)
        val timeline = try {
            room.conversation()
        } catch (e: Exception) {
            room.close()
            throw e
        }
        // Two first uses at once: keep one, free the other.
        val kept = synchronized(opened) { opened.getOrPut(roomId) { Opened(room, timeline) } }
        if (kept.timeline !== timeline) {
            timeline.close()
            room.close()
        }
        return kept.timeline
    }

    override fun timeline(roomId: RoomId): Flow<List<TimelineEntry>> = callbackFlow {
        val timeline = when (val found = attempt(::messageError) { timelineOf(roomId) }) {
            is Outcome.Success -> found.value
            is Outcome.Failure -> throw ConversationUnavailableException(found.error)
        }
        val items = ArrayList<ConversationItem>()
        val listener = object : ConversationListener {
            override fun onUpdate(diffs: List<ConversationDiff>) {
                val snapshot = synchronized(items) {
                    diffs.forEach { items.apply(it) }
                    items.toList()
                }
                trySend(snapshot.mapNotNull { it.toEntry() })
            }
        }
        val handle = timeline.subscribe(listener)
        awaitClose {
            handle.cancel()
            handle.close()
        }
    }.buffer(Channel.CONFLATED)

    override suspend fun loadHistory(roomId: RoomId): Outcome<Boolean, MessageError> =
        attempt(::messageError) { timelineOf(roomId).loadHistory(HISTORY_TIMEOUT_MS) }

    override suspend fun sendText(roomId: RoomId, markdown: String): Outcome<Unit, MessageError> =
        attempt(::messageError) { timelineOf(roomId).sendText(markdown) }

    override suspend fun reply(roomId: RoomId, to: EventId, markdown: String): Outcome<Unit, MessageError> =
        attempt(::messageError) { timelineOf(roomId).reply(to.value, markdown) }

    override suspend fun markRead(roomId: RoomId): Outcome<Unit, MessageError> =
        attempt(::messageError) { timelineOf(roomId).markRead(); Unit }

    override suspend fun sendPhoto(roomId: RoomId, file: File, caption: String?): Outcome<MessageRef.Local, PhotoError> =
        attempt(::photoError) {
            val timeline = timelineOf(roomId)
            val listener = photoUploads.listener(roomId)
            val sending = timeline.sendPhoto(PhotoSource.File(file.path), caption?.takeIf(String::isNotBlank), listener)
            photoUploads.started(listener, sending)
            MessageRef.Local(sending.transactionId)
        }

    override fun uploads(roomId: RoomId): Flow<Map<String, UploadProgress>> = photoUploads.of(roomId)

    override suspend fun fetchPhoto(roomId: RoomId, message: MessageRef, size: PhotoSize): Outcome<ImageBytes, PhotoError> =
        attempt(::photoError) {
            val ref = when (message) {
                is MessageRef.Event -> SdkMessageRef.Event(message.eventId.value)
                is MessageRef.Local -> SdkMessageRef.Local(message.transactionId)
            }
            ImageBytes(timelineOf(roomId).fetchPhoto(ref, SdkPhotoSize.valueOf(size.name)))
        }

    /** Frees every opened timeline and case object, and the photo reports (the session is ending). */
    override fun close() {
        photoUploads.close()
        val all = synchronized(opened) { opened.values.toList().also { opened.clear() } }
        all.forEach {
            it.timeline.close()
            it.room.close()
        }
    }

    private companion object {
        const val HISTORY_TIMEOUT_MS: ULong = 30_000u
    }
}
