package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.conversation.CaseMessage
import fr.innomed.android.api.conversation.ConversationService
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.conversation.PhotoSize
import fr.innomed.android.api.conversation.UploadProgress
import java.io.File
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.getAndUpdate
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/** A photo's pixels, as fetched and decrypted. */
sealed interface PhotoLoad {
    data object Loading : PhotoLoad

    data class Loaded(val image: ImageBytes) : PhotoLoad

    data class Failed(val error: PhotoError) : PhotoLoad
}

/** The photo shown full screen: [key] is its message's [CaseMessage.key]. */
data class PhotoViewer(val key: String, val full: PhotoLoad)

data class CasePhotosState(
    /** By [CaseMessage.key]; a photo or document not in the map has not been shown yet. */
    val thumbnails: Map<String, PhotoLoad> = emptyMap(),
    val viewer: PhotoViewer? = null,
    /** This device's photos and documents on their way to the homeserver, by transaction id. */
    val uploads: Map<String, UploadProgress> = emptyMap(),
    /** Camera photos being prepared (sanitised and queued) now. */
    val preparing: Int = 0,
)

/**
 * The photos of one case, and the documents' thumbnails (their first page): each thumbnail
 * fetched once, when its message is first shown (again
 * after a network failure, and on tap after any failure); the full image on tap (the thumbnail stays on screen meanwhile); and camera photos sent, whose
 * file is discarded once the core has read it, whatever the outcome.
 */
internal class CasePhotos(
    private val scope: CoroutineScope,
    private val roomId: RoomId,
    private val conversations: ConversationService,
    private val discardPhoto: (File) -> Unit,
    private val state: MutableStateFlow<CaseState>,
) {
    private var viewerJob: Job? = null

    /**
     * Fetches the thumbnail unless it is loading, loaded, or failed for good. A failure the
     * network may fix is fetched again when shown again; [retry] (a tap) fetches any failure again.
     */
    fun showThumbnail(message: CaseMessage, retry: Boolean = false) {
        val key = message.key ?: return
        val ref = message.ref ?: return
        val kind = message.kind
        if (kind !is MessageKind.Photo && !(kind is MessageKind.Document && kind.document.hasThumbnail)) return
        fun fetch(load: PhotoLoad?) =
            load == null || load is PhotoLoad.Failed && (retry || load.error == PhotoError.HomeserverUnreachable)
        val before = state.getAndUpdate { s ->
            if (!fetch(s.photos.thumbnails[key])) s else s.withPhotos { it.copy(thumbnails = it.thumbnails + (key to PhotoLoad.Loading)) }
        }
        if (!fetch(before.photos.thumbnails[key])) return
        scope.launch {
            val loaded = conversations.fetchPhoto(roomId, ref, PhotoSize.THUMBNAIL).toLoad()
            state.update { s -> s.withPhotos { it.copy(thumbnails = it.thumbnails + (key to loaded)) } }
        }
    }

    fun open(message: CaseMessage) {
        val key = message.key ?: return
        val ref = message.ref ?: return
        if (message.kind !is MessageKind.Photo) return
        showThumbnail(message, retry = true)
        viewerJob?.cancel()
        state.update { s -> s.withPhotos { it.copy(viewer = PhotoViewer(key, PhotoLoad.Loading)) } }
        viewerJob = scope.launch {
            val loaded = conversations.fetchPhoto(roomId, ref, PhotoSize.FULL).toLoad()
            state.update { s ->
                if (s.photos.viewer?.key == key) s.withPhotos { it.copy(viewer = PhotoViewer(key, loaded)) } else s
            }
        }
    }

    fun close() {
        viewerJob?.cancel()
        state.update { s -> s.withPhotos { it.copy(viewer = null) } }
    }

    fun send(file: File) {
        val current = state.value
        if (!current.canSendPhoto) {
            discardPhoto(file)
            if (current.header?.photoConsent == false) state.update { it.copy(error = CaseScreenError.Photo(PhotoError.NoConsent)) }
            return
        }
        state.update { s -> s.withPhotos { it.copy(preparing = it.preparing + 1) }.copy(error = null) }
        scope.launch {
            val result = try {
                conversations.sendPhoto(roomId, file, caption = null)
            } finally {
                discardPhoto(file)
                state.update { s -> s.withPhotos { it.copy(preparing = it.preparing - 1) } }
            }
            if (result is Outcome.Failure) state.update { it.copy(error = CaseScreenError.Photo(result.error)) }
        }
    }

    /** Follows this device's uploads into the case while the screen lives. */
    suspend fun followUploads() {
        conversations.uploads(roomId).collect { uploads -> state.update { s -> s.withPhotos { it.copy(uploads = uploads) } } }
    }
}

private fun Outcome<ImageBytes, PhotoError>.toLoad(): PhotoLoad = when (this) {
    is Outcome.Success -> PhotoLoad.Loaded(value)
    is Outcome.Failure -> PhotoLoad.Failed(error)
}

private inline fun CaseState.withPhotos(change: (CasePhotosState) -> CasePhotosState) = copy(photos = change(photos))
