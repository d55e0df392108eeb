package fr.innomed.android.impl

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.UserId
import fr.innomed.android.api.conversation.ConversationError
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.ConversationService
import fr.innomed.android.api.conversation.ConversationUnavailableException
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.MessageRef
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.conversation.PhotoSize
import fr.innomed.android.api.conversation.PreparedFile
import fr.innomed.android.api.conversation.UploadProgress
import fr.innomed.core.PhotoSource
import fr.innomed.sdk.CaseRoom
import fr.innomed.sdk.Client
import fr.innomed.sdk.Conversation
import fr.innomed.sdk.ConversationDiff
import fr.innomed.sdk.ConversationListener
import fr.innomed.sdk.prepareFile as sdkPrepareFile
import java.io.File
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.callbackFlow
import fr.innomed.core.ConversationItem as SdkConversationItem
import fr.innomed.core.MessageRef as SdkMessageRef
import fr.innomed.core.PhotoSize as SdkPhotoSize

/**
 * One `Conversation` per case, opened on first use and kept until [close] (the session's end):
 * the subscription, the sends and the photos of a case screen share it, as the SDK expects.
 */
class RustConversationService internal constructor(private val client: Client) : ConversationService, AutoCloseable {
    private class Opened(val room: CaseRoom, val conversation: Conversation)

    private val opened = HashMap<RoomId, Opened>()
    private val photoUploads = PhotoUploads()

    private suspend fun conversationOf(roomId: RoomId): Conversation {
        synchronized(opened) { opened[roomId]?.let { return it.conversation } }
        val room = client.case(roomId.value)
        val conversation = try {
            room.conversation()
        } catch (e: Exception) {
            room.close()
            throw e
        }
        // Two first uses at once: keep one, free the other.
        val kept = synchronized(opened) { opened.getOrPut(roomId) { Opened(room, conversation) } }
        if (kept.conversation !== conversation) {
            conversation.close()
            room.close()
        }
        return kept.conversation
    }

    override fun items(roomId: RoomId): Flow<List<ConversationItem>> = callbackFlow {
        val conversation = when (val found = attempt(::conversationError) { conversationOf(roomId) }) {
            is Outcome.Success -> found.value
            is Outcome.Failure -> throw ConversationUnavailableException(found.error)
        }
        val items = ArrayList<SdkConversationItem>()
        val listener = object : ConversationListener {
            override fun onUpdate(diffs: List<ConversationDiff>) {
                val snapshot = synchronized(items) {
                    diffs.forEach { items.apply(it) }
                    items.toList()
                }
                trySend(snapshot.mapNotNull { it.toApi() })
            }
        }
        val handle = conversation.subscribe(listener)
        awaitClose {
            handle.cancel()
            handle.close()
        }
    }.buffer(Channel.CONFLATED)

    override suspend fun loadHistory(roomId: RoomId): Outcome<Boolean, ConversationError> =
        attempt(::conversationError) { conversationOf(roomId).loadHistory(HISTORY_TIMEOUT_MS) }

    override suspend fun sendText(roomId: RoomId, markdown: String): Outcome<Unit, ConversationError> =
        attempt(::conversationError) { conversationOf(roomId).sendText(markdown) }

    override suspend fun reply(roomId: RoomId, to: EventId, markdown: String): Outcome<Unit, ConversationError> =
        attempt(::conversationError) { conversationOf(roomId).reply(to.value, markdown) }

    override suspend fun edit(roomId: RoomId, message: EventId, markdown: String): Outcome<Unit, ConversationError> =
        attempt(::conversationError) { conversationOf(roomId).edit(message.value, markdown) }

    override suspend fun markRead(roomId: RoomId): Outcome<Unit, ConversationError> =
        attempt(::conversationError) { conversationOf(roomId).markRead(); Unit }

    override suspend fun acknowledgeIdentityChange(roomId: RoomId, user: UserId): Outcome<Int, TrustError> =
        attempt(::trustError) { conversationOf(roomId).acknowledgeIdentityChange(user.value).toInt() }

    override suspend fun sendPhoto(roomId: RoomId, file: File, caption: String?): Outcome<MessageRef.Local, PhotoError> =
        attempt(::photoError) {
            val conversation = conversationOf(roomId)
            val listener = photoUploads.listener(roomId)
            val sending = conversation.sendPhoto(PhotoSource.File(file.path), caption?.takeIf(String::isNotBlank), listener)
            photoUploads.started(listener, sending)
            MessageRef.Local(sending.transactionId)
        }

    override fun uploads(roomId: RoomId): Flow<Map<String, UploadProgress>> = photoUploads.of(roomId)

    override suspend fun fetchPhoto(roomId: RoomId, message: MessageRef, size: PhotoSize): Outcome<ImageBytes, PhotoError> =
        attempt(::photoError) { ImageBytes(conversationOf(roomId).fetchPhoto(message.toSdk(), SdkPhotoSize.valueOf(size.name))) }

    override suspend fun prepareFile(file: File, caption: String?): Outcome<PreparedFile, PhotoError> =
        attempt(::photoError) { RustPreparedFile(sdkPrepareFile(PhotoSource.File(file.path), caption?.takeIf(String::isNotBlank))) }

    override suspend fun sendFiles(roomId: RoomId, files: List<PreparedFile>): Outcome<List<MessageRef.Local>, PhotoError> =
        attempt(::photoError) {
            val prepared = files.map { it.sdk() }
            val conversation = conversationOf(roomId)
            val listener = photoUploads.filesListener(roomId)
            val sendings = conversation.sendFiles(prepared, listener)
            photoUploads.started(listener, sendings)
            sendings.map { MessageRef.Local(it.transactionId) }
        }

    override suspend fun saveDocument(roomId: RoomId, message: MessageRef): Outcome<String, PhotoError> =
        attempt(::photoError) { conversationOf(roomId).saveDocument(message.toSdk()) }

    /** Frees every opened conversation and case object, and the upload reports (the session is ending). */
    override fun close() {
        photoUploads.close()
        val all = synchronized(opened) { opened.values.toList().also { opened.clear() } }
        all.forEach {
            it.conversation.close()
            it.room.close()
        }
    }

    private fun MessageRef.toSdk(): SdkMessageRef = when (this) {
        is MessageRef.Event -> SdkMessageRef.Event(eventId.value)
        is MessageRef.Local -> SdkMessageRef.Local(transactionId)
    }

    private companion object {
        const val HISTORY_TIMEOUT_MS: ULong = 30_000u
    }
}
