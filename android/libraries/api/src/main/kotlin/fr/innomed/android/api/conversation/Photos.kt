package fr.innomed.android.api.conversation

import fr.innomed.android.api.EventId

/** Which message: by event id, or by transaction id while it is only on this device. */
sealed interface MessageRef {
    data class Event(val eventId: EventId) : MessageRef

    data class Local(val transactionId: String) : MessageRef
}

/** The thumbnail (about 320 px, shown first) or the full image (on demand). */
enum class PhotoSize { THUMBNAIL, FULL }

/**
 * A decrypted image (JPEG, or PNG/WebP from another client), checked against its hash by the
 * core. Equal when the bytes are; [toString] gives the size only, so a state printed by a test
 * failure or a crash report never carries a patient's photo.
 */
class ImageBytes(val bytes: ByteArray) {
    val size: Int get() = bytes.size

    override fun equals(other: Any?): Boolean = other is ImageBytes && bytes.contentEquals(other.bytes)

    override fun hashCode(): Int = bytes.contentHashCode()

    override fun toString(): String = "ImageBytes(${bytes.size} bytes)"
}

/** How the upload of one photo or document sent from this device goes. */
sealed interface UploadProgress {
    /** Queued on this device; the upload has not started. */
    data object Queued : UploadProgress

    /** Encrypted bytes (image and thumbnail) uploaded so far. */
    data class Uploading(val sentBytes: Long, val totalBytes: Long) : UploadProgress {
        /** From 0 to 1; 0 while the total is not known. */
        val fraction: Float get() = if (totalBytes > 0) (sentBytes.toFloat() / totalBytes).coerceIn(0f, 1f) else 0f
    }

    /** Sending stopped; a `recoverable` failure is retried by the core when the network returns. */
    data class Failed(val recoverable: Boolean) : UploadProgress
}

/**
 * Why a photo or a document was not prepared, sent or shown; the screen shows one message per
 * kind.
 */
sealed interface PhotoError {
    data class TooLarge(val sizeBytes: Long, val limitBytes: Long) : PhotoError

    /** Neither a JPEG, PNG or WebP image nor a PDF. */
    data object UnsupportedFormat : PhotoError

    data class TooManyPixels(val width: Int, val height: Int, val limitPixels: Long) : PhotoError

    /** A corrupt or truncated file (an image or a PDF). */
    data object Corrupt : PhotoError

    /** A password-protected PDF: it cannot be cleaned, and nobody could open it. */
    data object EncryptedDocument : PhotoError

    data class TooManyPages(val pages: Int, val limitPages: Int) : PhotoError

    /** A PDF too intricate to be checked on a phone (more parts than the core's limit). */
    data class TooManyObjects(val objects: Long, val limitObjects: Long) : PhotoError

    /** The file (the camera's, or one the doctor picked) cannot be read. */
    data object Unreadable : PhotoError

    /** The case header does not record the patient's consent to photos: nothing was uploaded. */
    data object NoConsent : PhotoError

    data object NotJoined : PhotoError

    /** The case, or the photo, is not end-to-end encrypted: refused. */
    data object NotEncrypted : PhotoError

    /** A request nobody may write into yet: the requesting GP's device has not handed it over to its taker. */
    data object NotHandedOver : PhotoError

    /** Someone nobody of the case invited is a member: nothing is sent until the case's opener removes them. */
    data object UninvitedMember : PhotoError

    /** A member is neither verified by this doctor nor attested by their CPTS: nothing is sent until the doctor confirms or removes them. */
    data object UnconfirmedMember : PhotoError

    data object MessageNotFound : PhotoError

    data object NotAPhoto : PhotoError

    data object NotADocument : PhotoError

    /** The file does not match its hash: it was altered on the way. */
    data object Tampered : PhotoError

    /** The homeserver no longer has the file. */
    data object MediaMissing : PhotoError

    data object HomeserverUnreachable : PhotoError

    /** Anything else, with the core's stable error code (never a detail that could quote content). */
    data class Other(val code: String) : PhotoError
}
