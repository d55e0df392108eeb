package fr.innomed.android.test

import fr.innomed.android.api.conversation.DocumentViewer
import fr.innomed.android.api.conversation.FileKind
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.PreparedFile

/** A file as the core would have prepared it; records whether it was closed. */
data class FakePreparedFile(
    override val kind: FileKind,
    override val sizeBytes: Long,
    override val thumbnail: ImageBytes? = null,
    override val caption: String? = null,
) : PreparedFile {
    @Volatile var closed = false
        private set

    override fun close() {
        closed = true
    }
}

/** The phone's viewer: records the paths it was handed; whether one opens is scripted. */
class FakeDocumentViewer : DocumentViewer {
    val opened = Calls<String>()
    var result: (String) -> Boolean = { notScripted("DocumentViewer.open") }

    override fun open(path: String): Boolean = result(path).also { opened.add(path) }
}
