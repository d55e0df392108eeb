package fr.innomed.android.api.conversation

/** What the core found a prepared file to be, from its bytes (never from its name). */
sealed interface FileKind {
    data class Photo(val width: Int, val height: Int) : FileKind

    data class Document(val pages: Int) : FileKind
}

/**
 * A photo sanitised or a PDF cleaned on this device by [ConversationService.prepareFile], not
 * sent yet: what the core made of it, shown before sending. It holds the cleaned bytes (up to
 * tens of megabytes): [close] frees them once it is sent or dropped.
 */
interface PreparedFile : AutoCloseable {
    val kind: FileKind

    /** Bytes that will be encrypted and uploaded. */
    val sizeBytes: Long

    /** The thumbnail sent with it (a photo's, or a document's first page); null when the core drew none. */
    val thumbnail: ImageBytes?

    /** A photo's caption or a document's title, as it will be sent (inside the encrypted message). */
    val caption: String?
}

/** What a document message says about its file; the PDF itself is downloaded on demand. */
data class DocumentMessage(
    /** The title the sender gave it (their client's file name when they gave none). */
    val title: String,
    /** Pages as the sender's device counted them; null when it did not say. */
    val pages: Int?,
    val sizeBytes: Long?,
    /** Its first page as a thumbnail, fetched like a photo's ([ConversationService.fetchPhoto]). */
    val hasThumbnail: Boolean,
    /** A PDF: the only kind of document opened here; anything else is shown, never opened. */
    val isPdf: Boolean,
)

/**
 * Hands a document the core wrote into the account's private folder
 * ([ConversationService.saveDocument]) to the phone's viewer, read-only.
 */
fun interface DocumentViewer {
    /** False when nothing on the phone shows a PDF (or the path is not one the core wrote). */
    fun open(path: String): Boolean
}
