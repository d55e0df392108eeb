package fr.innomed.sdk

import fr.innomed.core.*

import java.awt.image.BufferedImage
import java.io.ByteArrayOutputStream
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import javax.imageio.ImageIO
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Documents across the boundary: a PDF and a photo prepared in Kotlin, sent together, opened. */
class DocumentTest {
    /** A one-page PDF whose information dictionary names its author, written byte by byte. */
    private fun labPdf(author: String): ByteArray {
        val objects = listOf(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " +
                "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 43 >>\nstream\nBT /F1 18 Tf 72 720 Td (Glycemie 1.2) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Author ($author) /Producer (Logiciel du laboratoire) >>",
        )
        val out = StringBuilder("%PDF-1.7\n")
        val offsets = objects.mapIndexed { i, body ->
            val at = out.length
            out.append("${i + 1} 0 obj\n$body\nendobj\n")
            at
        }
        val xref = out.length
        out.append("xref\n0 ${objects.size + 1}\n0000000000 65535 f \n")
        offsets.forEach { out.append(String.format("%010d 00000 n \n", it)) }
        out.append("trailer\n<< /Size ${objects.size + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n$xref\n%%EOF\n")
        return out.toString().toByteArray(Charsets.ISO_8859_1)
    }

    private fun photo(): ByteArray {
        val image = BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB)
        for (x in 0 until 200) for (y in 0 until 100) image.setRGB(x, y, (x * 5 xor y * 11) and 0xFFFFFF)
        return ByteArrayOutputStream().also { ImageIO.write(image, "jpg", it) }.toByteArray()
    }

    private class Sent : FileUploadListener {
        val events = ConcurrentHashMap<String, CompletableFuture<String>>()

        fun of(transactionId: String) = events.computeIfAbsent(transactionId) { CompletableFuture() }

        override fun onProgress(transactionId: String, progress: UploadProgress) {
            if (progress is UploadProgress.Sent) of(transactionId).complete(progress.eventId)
        }
    }

    private fun ByteArray.contains(text: String): Boolean =
        String(this, Charsets.ISO_8859_1).contains(text)

    @Test
    fun `a PDF and a photo sent together reach the specialist in order, the PDF cleaned`() = runBlocking {
        val secret = marker("DOC")
        val gp = Device("gp").register()
        val dermDevice = Device("derm")
        val derm = dermDevice.register()
        val case = gp.createCase(newCase(secret))
        val dermCase = joinedBy(derm, case)
        val gpTimeline = case.conversation()

        val pdf = labPdf("Dr $secret")
        assertTrue(pdf.contains(secret))
        val document = prepareFile(PhotoSource.Bytes(pdf), "Bilan $secret")
        assertEquals(FileKind.Document(1u), document.kind())
        assertTrue(document.thumbnail() != null, "page 1 drawn as the thumbnail")
        val picture = prepareFile(PhotoSource.Bytes(photo()), "lésion $secret")
        assertEquals(FileKind.Photo(200u, 100u), picture.kind())

        val sent = Sent()
        val sendings = gpTimeline.sendFiles(listOf(picture, document), sent)
        assertEquals(2, sendings.size)
        val events = sendings.map { sent.of(it.transactionId).get(WAIT_MS, TimeUnit.MILLISECONDS) }

        val dermTimeline = dermCase.conversation()
        val screen = ConversationScreen()
        val task = dermTimeline.subscribe(screen)
        val shown = eventually("both files at the dermatologist") {
            dermTimeline.loadHistory(WAIT_MS.toULong())
            screen.messages().filter { it.eventId in events }.takeIf { it.size == 2 }
        }
        assertEquals(events, shown.map { it.eventId }, "in the order they were sent")
        val info = (shown[1].kind as MessageKind.Document).document
        assertEquals("Bilan $secret", info.title)
        assertEquals(1u, info.pages)
        assertTrue(info.isPdf && info.hasThumbnail)

        val ref = MessageRef.Event(events[1])
        val opened = dermTimeline.fetchDocument(ref)
        assertTrue(opened.contains("%PDF") && opened.contains("Glycemie"), "the page is intact")
        assertFalse(opened.contains(secret), "the author is gone")
        val path = Path.of(dermTimeline.saveDocument(ref))
        assertTrue(Files.readAllBytes(path).contentEquals(opened))
        assertTrue(path.startsWith(dermDevice.dir), "inside the account's own folder")

        // Typed errors.
        assertThrows<PhotoException.UnsupportedFormat> {
            runBlocking { prepareFile(PhotoSource.Bytes("Mme D. bilan".toByteArray()), null) }
        }
        assertThrows<PhotoException.Corrupt> {
            runBlocking { prepareFile(PhotoSource.Bytes(pdf.copyOf(pdf.size / 3)), null) }
        }
        assertThrows<PhotoException.NotADocument> {
            runBlocking { dermTimeline.fetchDocument(MessageRef.Event(events[0])) }
        }

        task.cancel()
        (listOf(task, dermTimeline, gpTimeline, dermCase, case) + sendings.map { it.progress }).forEach { it.close() }
        gp.shutdown()
        derm.shutdown()
        gp.close()
        derm.close()
    }
}
