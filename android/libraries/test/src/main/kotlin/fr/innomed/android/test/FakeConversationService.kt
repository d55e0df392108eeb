package fr.innomed.android.test

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
import java.io.File
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.flow

/**
 * Conversations and upload progress in memory, per case; sends, photo fetches, files prepared
 * and sent, and documents saved are scripted and recorded.
 */
class FakeConversationService : ConversationService {
    private val conversations = HashMap<RoomId, MutableStateFlow<List<ConversationItem>>>()
    private val progress = HashMap<RoomId, MutableStateFlow<Map<String, UploadProgress>>>()

    /** Cases whose conversation cannot be opened, and why. */
    val unavailable = HashMap<RoomId, ConversationError>()

    data class Sent(val roomId: RoomId, val markdown: String, val replyTo: EventId?, val replaces: EventId? = null)

    data class PhotoSent(val roomId: RoomId, val file: File, val caption: String?)

    data class PhotoFetch(val roomId: RoomId, val message: MessageRef, val size: PhotoSize)

    data class FilePrepared(val file: File, val caption: String?)

    data class FilesSent(val roomId: RoomId, val files: List<PreparedFile>)

    data class DocumentSave(val roomId: RoomId, val message: MessageRef)

    val sent = Calls<Sent>()
    val filesPrepared = Calls<FilePrepared>()
    val filesSent = Calls<FilesSent>()
    val documentSaves = Calls<DocumentSave>()
    val photosSent = Calls<PhotoSent>()
    val photoFetches = Calls<PhotoFetch>()
    val historyLoads = Calls<RoomId>()
    val reads = Calls<RoomId>()

    var sendResult: suspend (Sent) -> Outcome<Unit, ConversationError> = { notScripted("sendText/reply/edit") }
    var loadHistoryResult: suspend (RoomId) -> Outcome<Boolean, ConversationError> = { Outcome.Success(true) }
    var markReadResult: suspend (RoomId) -> Outcome<Unit, ConversationError> = { Outcome.Done }
    var sendPhotoResult: suspend (PhotoSent) -> Outcome<MessageRef.Local, PhotoError> = { notScripted("sendPhoto") }
    var fetchPhotoResult: suspend (PhotoFetch) -> Outcome<ImageBytes, PhotoError> = { notScripted("fetchPhoto") }
    var prepareFileResult: suspend (FilePrepared) -> Outcome<PreparedFile, PhotoError> = { notScripted("prepareFile") }
    var sendFilesResult: suspend (FilesSent) -> Outcome<List<MessageRef.Local>, PhotoError> = { notScripted("sendFiles") }
    var saveDocumentResult: suspend (DocumentSave) -> Outcome<String, PhotoError> = { notScripted("saveDocument") }
    val acknowledged = Calls<Pair<RoomId, UserId>>()
    var acknowledgeResult: suspend (RoomId, UserId) -> Outcome<Int, TrustError> = { _, _ -> notScripted("acknowledgeIdentityChange") }

    /** The in-memory conversation of [roomId], to set or change from a test. */
    fun itemsOf(roomId: RoomId): MutableStateFlow<List<ConversationItem>> =
        synchronized(conversations) { conversations.getOrPut(roomId) { MutableStateFlow(emptyList()) } }

    /** The upload progress of [roomId] (empty until a test sets it), by transaction id. */
    fun uploadsOf(roomId: RoomId): MutableStateFlow<Map<String, UploadProgress>> =
        synchronized(progress) { progress.getOrPut(roomId) { MutableStateFlow(emptyMap()) } }

    override fun items(roomId: RoomId): Flow<List<ConversationItem>> = flow {
        unavailable[roomId]?.let { throw ConversationUnavailableException(it) }
        itemsOf(roomId).collect { emit(it) }
    }

    override suspend fun loadHistory(roomId: RoomId) = loadHistoryResult(roomId).also { historyLoads.add(roomId) }

    override suspend fun sendText(roomId: RoomId, markdown: String) = send(Sent(roomId, markdown, null))

    override suspend fun reply(roomId: RoomId, to: EventId, markdown: String) = send(Sent(roomId, markdown, to))

    override suspend fun edit(roomId: RoomId, message: EventId, markdown: String) = send(Sent(roomId, markdown, null, replaces = message))

    override suspend fun markRead(roomId: RoomId) = markReadResult(roomId).also { reads.add(roomId) }

    override suspend fun acknowledgeIdentityChange(roomId: RoomId, user: UserId) =
        acknowledgeResult(roomId, user).also { acknowledged.add(roomId to user) }

    override suspend fun sendPhoto(roomId: RoomId, file: File, caption: String?): Outcome<MessageRef.Local, PhotoError> {
        val call = PhotoSent(roomId, file, caption)
        return sendPhotoResult(call).also { photosSent.add(call) }
    }

    override fun uploads(roomId: RoomId): Flow<Map<String, UploadProgress>> = uploadsOf(roomId)

    override suspend fun fetchPhoto(roomId: RoomId, message: MessageRef, size: PhotoSize): Outcome<ImageBytes, PhotoError> {
        val call = PhotoFetch(roomId, message, size)
        return fetchPhotoResult(call).also { photoFetches.add(call) }
    }

    override suspend fun prepareFile(file: File, caption: String?): Outcome<PreparedFile, PhotoError> {
        val call = FilePrepared(file, caption)
        return prepareFileResult(call).also { filesPrepared.add(call) }
    }

    override suspend fun sendFiles(roomId: RoomId, files: List<PreparedFile>): Outcome<List<MessageRef.Local>, PhotoError> {
        val call = FilesSent(roomId, files)
        return sendFilesResult(call).also { filesSent.add(call) }
    }

    override suspend fun saveDocument(roomId: RoomId, message: MessageRef): Outcome<String, PhotoError> {
        val call = DocumentSave(roomId, message)
        return saveDocumentResult(call).also { documentSaves.add(call) }
    }

    private suspend fun send(call: Sent) = sendResult(call).also { sent.add(call) }
}
