package fr.innomed.sdk

import fr.innomed.core.*

import java.awt.image.BufferedImage
import java.io.ByteArrayInputStream
import java.io.ByteArrayOutputStream
import java.nio.file.Files
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit
import javax.imageio.ImageIO
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Photos across the boundary: sent from Kotlin bytes or a file, decrypted by the other phone. */
class PhotoTest {
    /** A camera-sized JPEG made on the JVM. */
    private fun cameraJpeg(width: Int, height: Int): ByteArray {
        val image = BufferedImage(width, height, BufferedImage.TYPE_INT_RGB)
        for (x in 0 until width) for (y in 0 until height) image.setRGB(x, y, (x * 7 xor y * 13) and 0xFFFFFF)
        return ByteArrayOutputStream().also { ImageIO.write(image, "jpg", it) }.toByteArray()
    }

    private fun decode(bytes: ByteArray): BufferedImage = ImageIO.read(ByteArrayInputStream(bytes))

    private class Progress : PhotoUploadListener {
        val uploaded = CopyOnWriteArrayList<Pair<ULong, ULong>>()
        val sent = CompletableFuture<String>()

        override fun onProgress(progress: UploadProgress) {
            when (progress) {
                is UploadProgress.Uploading -> uploaded.add(progress.sent to progress.total)
                is UploadProgress.Sent -> sent.complete(progress.eventId)
                is UploadProgress.Failed ->
                    if (!progress.recoverable) sent.completeExceptionally(AssertionError("upload failed"))
            }
        }
    }

    @Test
    fun `a photo sent from Kotlin is decrypted by the specialist, thumbnail first`() = runBlocking {
        val secret = marker("PH")
        val gp = Device("gp").register()
        val derm = Device("derm").register()
        val case = gp.createCase(newCase(secret))
        val dermCase = joinedBy(derm, case)
        val gpTimeline = case.conversation()

        val progress = Progress()
        val sending = gpTimeline.sendPhoto(PhotoSource.Bytes(cameraJpeg(3000, 2000)), "lésion $secret", progress)
        val eventId = progress.sent.get(WAIT_MS, TimeUnit.MILLISECONDS)
        assertTrue(progress.uploaded.any { (sent, total) -> sent == total && total > 0u }, "progress reached its total")
        assertTrue(sending.transactionId.isNotEmpty())

        // From a file in private storage: its name is never sent.
        val file = Files.createTempFile(Device("files").dir, "IMG_$secret", ".jpg")
        Files.write(file, cameraJpeg(400, 300))
        gpTimeline.sendPhoto(PhotoSource.File(file.toString()), null, null)

        val dermTimeline = dermCase.conversation()
        val screen = ConversationScreen()
        val task = dermTimeline.subscribe(screen)
        val photo = eventually("the photo at the dermatologist") {
            dermTimeline.loadHistory(WAIT_MS.toULong())
            screen.messages().find { it.eventId == eventId }
        }
        val info = (photo.kind as MessageKind.Photo).photo
        assertEquals("lésion $secret", info.caption)
        assertEquals(2048u, info.width)
        assertEquals(1365u, info.height)
        assertTrue(info.hasThumbnail && info.blurhash != null)

        val ref = MessageRef.Event(eventId)
        val thumbnail = decode(dermTimeline.fetchPhoto(ref, PhotoSize.THUMBNAIL))
        assertEquals(320 to 213, thumbnail.width to thumbnail.height)
        val full = decode(dermTimeline.fetchPhoto(ref, PhotoSize.FULL))
        assertEquals(2048 to 1365, full.width to full.height)

        val filePhoto = eventually("the photo from a file") {
            screen.messages().find { it.kind is MessageKind.Photo && it.eventId != eventId }
        }
        val fromFile = decode(dermTimeline.fetchPhoto(MessageRef.Event(filePhoto.eventId!!), PhotoSize.FULL))
        assertEquals(400 to 300, fromFile.width to fromFile.height)

        // Typed errors, nothing sent.
        assertThrows<PhotoException.UnsupportedFormat> {
            runBlocking { gpTimeline.sendPhoto(PhotoSource.Bytes("not a photo".toByteArray()), null, null) }
        }
        assertThrows<PhotoException.Unreadable> {
            runBlocking { gpTimeline.sendPhoto(PhotoSource.File(file.resolveSibling("missing.jpg").toString()), null, null) }
        }
        val header = screen.messages().first { it.kind is MessageKind.Header }
        assertThrows<PhotoException.NotAPhoto> {
            runBlocking { dermTimeline.fetchPhoto(MessageRef.Event(header.eventId!!), PhotoSize.FULL) }
        }

        task.cancel()
        listOf(task, sending.progress, dermTimeline, gpTimeline, dermCase, case).forEach { it.close() }
        gp.shutdown()
        derm.shutdown()
        gp.close()
        derm.close()
    }
}
