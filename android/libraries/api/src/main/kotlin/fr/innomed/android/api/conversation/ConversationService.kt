package fr.innomed.android.api.conversation

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.UserId
import java.io.File
import kotlinx.coroutines.flow.Flow

/** The conversation of a joined case. */
interface ConversationService {
    /**
     * The conversation's items, live: the whole list on every change, oldest first. The flow
     * fails with [ConversationUnavailableException] when the case cannot be opened (not joined,
     * closed session).
     */
    fun items(roomId: RoomId): Flow<List<ConversationItem>>

    /** Loads the case back to its creation (bounded); true if it is all in view. */
    suspend fun loadHistory(roomId: RoomId): Outcome<Boolean, ConversationError>

    /** Queues a markdown message; returns once it is durably queued on this device. */
    suspend fun sendText(roomId: RoomId, markdown: String): Outcome<Unit, ConversationError>

    suspend fun reply(roomId: RoomId, to: EventId, markdown: String): Outcome<Unit, ConversationError>

    /** Replaces the text of one of the doctor's own messages (shown "modifié" to everyone). */
    suspend fun edit(roomId: RoomId, message: EventId, markdown: String): Outcome<Unit, ConversationError>

    /** Sends a read receipt for the latest message. */
    suspend fun markRead(roomId: RoomId): Outcome<Unit, ConversationError>

    /**
     * The doctor checked with [user] (in person, by phone) that their new identity is theirs:
     * the old verification is withdrawn and what was held for them is sent. Returns how many
     * messages were waiting.
     */
    suspend fun acknowledgeIdentityChange(roomId: RoomId, user: UserId): Outcome<Int, TrustError>

    /**
     * Sanitises (no EXIF/GPS, orientation applied) and queues a photo from a file in the app's
     * private storage, with an optional markdown caption. The file is read before this returns
     * and its name is never sent, so the caller may delete it whatever the outcome. Refused,
     * with nothing uploaded, unless the case header records the patient's consent to photos.
     * Returns the photo's local reference: its local echo in [items] carries the same
     * transaction id, and [uploads] reports its progress.
     */
    suspend fun sendPhoto(roomId: RoomId, file: File, caption: String?): Outcome<MessageRef.Local, PhotoError>

    /**
     * The upload progress of the photos this device is sending into [roomId], live, by
     * transaction id. A photo leaves the map once the homeserver has it.
     */
    fun uploads(roomId: RoomId): Flow<Map<String, UploadProgress>>

    /** The decrypted thumbnail or full image of a photo message; a document's first page as its thumbnail. */
    suspend fun fetchPhoto(roomId: RoomId, message: MessageRef, size: PhotoSize): Outcome<ImageBytes, PhotoError>

    /**
     * Sanitises a photo (JPEG, PNG, WebP: no EXIF/GPS, orientation applied) or cleans a PDF
     * (metadata, scripts, embedded files and links that open a program removed), told apart by
     * its bytes, from a file in the app's private storage. [caption] is a photo's markdown
     * caption or a document's title. The file is read before this returns, so the caller may
     * delete it whatever the outcome. Nothing leaves the device: [sendFiles] sends it.
     */
    suspend fun prepareFile(file: File, caption: String?): Outcome<PreparedFile, PhotoError>

    /**
     * Queues prepared files into [roomId] in this order; refused, with nothing uploaded, unless
     * the case header records the patient's consent. Returns each one's local reference, in the
     * same order ([uploads] reports their progress). The core keeps its own copy: the files may
     * be closed once this returns.
     */
    suspend fun sendFiles(roomId: RoomId, files: List<PreparedFile>): Outcome<List<MessageRef.Local>, PhotoError>

    /**
     * A received document's PDF, downloaded, checked against its hash and cleaned again on this
     * device, written into the account's own folder (emptied when the doctor leaves the case, and
     * at sign-out). Returns its path, for [DocumentViewer].
     */
    suspend fun saveDocument(roomId: RoomId, message: MessageRef): Outcome<String, PhotoError>
}

sealed interface ConversationError {
    data object EmptyMessage : ConversationError

    data object NotJoined : ConversationError

    data object MessageNotFound : ConversationError

    /** A request nobody may write into yet: the requesting GP's device has not handed it over to its taker. */
    data object NotHandedOver : ConversationError

    /** Someone nobody of the case invited is a member: nothing is sent until the case's opener removes them. */
    data object UninvitedMember : ConversationError

    /** A member is neither verified by this doctor nor attested by their CPTS: nothing is sent until the doctor confirms or removes them. */
    data object UnconfirmedMember : ConversationError

    /** Too long to be sent as one message: nothing was queued. */
    data object TooLarge : ConversationError

    data object HomeserverUnreachable : ConversationError

    data class Other(val code: String) : ConversationError
}

/** Ends a [ConversationService.items] flow that could not start. */
class ConversationUnavailableException(val error: ConversationError) : Exception("conversation unavailable: $error")
