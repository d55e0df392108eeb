package fr.innomed.android.impl

import fr.innomed.android.api.RoomId
import fr.innomed.core.UploadProgress as SdkUploadProgress
import fr.innomed.android.api.conversation.UploadProgress
import fr.innomed.sdk.NoHandle
import fr.innomed.sdk.PhotoSending
import fr.innomed.sdk.TaskHandle
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The bindings' photo reports become per-case progress; the handles live until the photo is sent. */
class PhotoUploadsTest {
    private val room = RoomId("!case:cpts.test")
    private val other = RoomId("!other:cpts.test")

    /** A handle with no Rust object behind it: records what the service does with it. */
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

    private fun PhotoUploads.now(roomId: RoomId) = runBlocking { of(roomId).first() }

    @Test
    fun `reports that come before the transaction id are replayed in order, and a sent photo leaves`() {
        val uploads = PhotoUploads()
        val listener = uploads.listener(room)
        listener.onProgress(SdkUploadProgress.Uploading(10u, 100u))
        assertEquals(emptyMap<String, UploadProgress>(), uploads.now(room), "nothing to attach them to yet")

        val first = RecordingHandle()
        uploads.started(listener, PhotoSending("txn-1", first))
        assertEquals(mapOf("txn-1" to UploadProgress.Uploading(10, 100)), uploads.now(room))
        assertTrue(uploads.now(other).isEmpty())

        listener.onProgress(SdkUploadProgress.Uploading(100u, 100u))
        listener.onProgress(SdkUploadProgress.Sent("\$photo"))
        assertTrue(uploads.now(room).isEmpty())
        assertFalse(first.closed, "not freed from within the core's callback")

        uploads.started(uploads.listener(room), PhotoSending("txn-2", RecordingHandle()))
        assertTrue(first.closed, "freed at the next send")
        assertEquals(mapOf("txn-2" to UploadProgress.Queued), uploads.now(room))
    }

    @Test
    fun `a recoverable failure keeps listening, a final one is kept and its handle freed, and closing stops the rest`() {
        val uploads = PhotoUploads()
        val retried = uploads.listener(room)
        val retriedHandle = RecordingHandle()
        uploads.started(retried, PhotoSending("txn-1", retriedHandle))
        val failed = uploads.listener(room)
        val failedHandle = RecordingHandle()
        uploads.started(failed, PhotoSending("txn-2", failedHandle))

        retried.onProgress(SdkUploadProgress.Failed(true))
        failed.onProgress(SdkUploadProgress.Failed(false))
        assertEquals(
            mapOf("txn-1" to UploadProgress.Failed(recoverable = true), "txn-2" to UploadProgress.Failed(recoverable = false)),
            uploads.now(room),
        )
        uploads.started(uploads.listener(other), PhotoSending("txn-3", RecordingHandle()))
        assertTrue(failedHandle.closed)
        assertFalse(retriedHandle.closed, "the core retries it when the network returns")

        uploads.close()
        assertTrue(retriedHandle.cancelled && retriedHandle.closed)
        assertTrue(uploads.now(room).isEmpty())
    }
}
