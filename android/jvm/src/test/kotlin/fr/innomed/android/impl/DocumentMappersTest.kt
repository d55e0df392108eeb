package fr.innomed.android.impl

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.conversation.DocumentMessage
import fr.innomed.android.api.conversation.FileKind
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.conversation.UploadProgress
import fr.innomed.core.PhotoException
import fr.innomed.sdk.NoHandle
import fr.innomed.sdk.PhotoSending
import fr.innomed.sdk.TaskHandle
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import fr.innomed.core.DocumentMessage as SdkDocumentMessage
import fr.innomed.core.FileKind as SdkFileKind
import fr.innomed.core.MessageKind as SdkMessageKind
import fr.innomed.core.UploadProgress as SdkUploadProgress

/** Documents and files sent together, as the bindings give them and as the API carries them. */
class DocumentMappersTest {
    @Test
    fun `a document message keeps its title, pages, size and whether it can be opened`() {
        val lab = SdkMessageKind.Document(SdkDocumentMessage("Bilan sanguin", 3u, 250_880uL, hasThumbnail = true, isPdf = true))
        assertEquals(MessageKind.Document(DocumentMessage("Bilan sanguin", 3, 250_880, hasThumbnail = true, isPdf = true)), lab.toApi())
        val foreign = SdkMessageKind.Document(SdkDocumentMessage("notes.odt", null, null, hasThumbnail = false, isPdf = false))
        assertEquals(MessageKind.Document(DocumentMessage("notes.odt", null, null, hasThumbnail = false, isPdf = false)), foreign.toApi())
    }

    @Test
    fun `what the core found a prepared file to be reaches the API as it is`() {
        assertEquals(FileKind.Photo(4032, 3024), SdkFileKind.Photo(4032u, 3024u).toApi())
        assertEquals(FileKind.Document(12), SdkFileKind.Document(12u).toApi())
    }

    @Test
    fun `the core's refusals of a document keep their kinds and limits`() {
        assertEquals(PhotoError.EncryptedDocument, photoError(PhotoException.Encrypted()))
        assertEquals(PhotoError.TooManyPages(812, 500), photoError(PhotoException.TooManyPages(812u, 500u)))
        assertEquals(PhotoError.TooManyObjects(300_000, 250_000), photoError(PhotoException.TooManyObjects(300_000uL, 250_000uL)))
        assertEquals(PhotoError.NotADocument, photoError(PhotoException.NotADocument()))
        assertEquals(PhotoError.UnsupportedFormat, photoError(PhotoException.UnsupportedFormat()))
        assertEquals(PhotoError.Corrupt, photoError(PhotoException.Corrupt()))
        assertEquals(PhotoError.TooLarge(50_000_000, 41_943_040), photoError(PhotoException.TooLarge(50_000_000uL, 41_943_040uL)))
        assertEquals(PhotoError.Other("PhotoException.Failed"), photoError(PhotoException.Failed("detail that may quote the server")))
    }

    @Test
    fun `files sent together report by transaction, even before the bindings' call returns`() {
        val room = RoomId("!case:cpts.test")
        val uploads = PhotoUploads()
        val listener = uploads.filesListener(room)
        // The first file reports before the call returns: it is not shown as queued again.
        listener.onProgress("txn-1", SdkUploadProgress.Uploading(10u, 100u))
        val handles = listOf(RecordingHandle(), RecordingHandle())
        uploads.started(listener, listOf(PhotoSending("txn-1", handles[0]), PhotoSending("txn-2", handles[1])))
        assertEquals(mapOf("txn-1" to UploadProgress.Uploading(10, 100), "txn-2" to UploadProgress.Queued), uploads.now(room))

        listener.onProgress("txn-1", SdkUploadProgress.Sent("\$doc"))
        listener.onProgress("txn-2", SdkUploadProgress.Uploading(5u, 50u))
        assertEquals(mapOf("txn-2" to UploadProgress.Uploading(5, 50)), uploads.now(room))

        uploads.started(uploads.filesListener(room), emptyList())
        assertTrue(handles[0].closed, "a sent file's handle is freed at the next send")
        uploads.close()
        assertTrue(handles[1].cancelled && handles[1].closed)
    }

    private fun PhotoUploads.now(roomId: RoomId) = runBlocking { of(roomId).first() }

    private class RecordingHandle : TaskHandle(NoHandle) {
        var cancelled = false
        var closed = false

        override fun cancel() {
            cancelled = true
        }

        override fun close() {
            closed = true
        }
    }
}
