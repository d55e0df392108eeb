package fr.innomed.android.impl

import fr.innomed.android.api.conversation.FileKind
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.PreparedFile
import fr.innomed.core.FileKind as SdkFileKind
import fr.innomed.sdk.PreparedFile as SdkPreparedFile

/**
 * The bindings' prepared file behind the API's: what the core says of it is read once, and
 * [close] frees the cleaned bytes the Rust object holds.
 */
internal class RustPreparedFile(val prepared: SdkPreparedFile) : PreparedFile {
    override val kind: FileKind = prepared.kind().toApi()
    override val sizeBytes: Long = prepared.size().toLongClamped()
    override val thumbnail: ImageBytes? = prepared.thumbnail()?.let(::ImageBytes)
    override val caption: String? = prepared.caption()

    override fun close() = prepared.close()

    /** The kind and size only: a caption or a title may name the patient. */
    override fun toString(): String = "PreparedFile($kind, $sizeBytes bytes)"
}

internal fun SdkFileKind.toApi(): FileKind = when (this) {
    is SdkFileKind.Photo -> FileKind.Photo(width.toIntClamped(), height.toIntClamped())
    is SdkFileKind.Document -> FileKind.Document(pages.toIntClamped())
}

/** Only the service's own files can be sent: the bindings need their Rust object. */
internal fun PreparedFile.sdk(): SdkPreparedFile =
    (this as? RustPreparedFile)?.prepared ?: throw IllegalArgumentException("not a file this service prepared")
