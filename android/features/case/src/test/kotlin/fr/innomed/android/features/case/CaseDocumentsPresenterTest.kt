package fr.innomed.android.features.case

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.DocumentMessage
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.MessageRef
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.conversation.PhotoSize
import fr.innomed.android.api.trust.TrustLevel
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.GP
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.headerCard
import fr.innomed.android.test.message
import fr.innomed.android.test.row
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Received documents: the first page as a thumbnail, and a tap saving the PDF then opening it. */
class CaseDocumentsPresenterTest {
    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val viewer = FakeDocumentViewer()
    private val room = row("case").roomId
    private val path = "/data/files/accounts/@dr.benali/DEVICE/documents/21636173/2464.pdf"
    private val lab = message(DERM, MessageKind.Document(DocumentMessage("Bilan sanguin", 3, 250_880, hasThumbnail = true, isPdf = true)), eventId = "\$lab")
    private val letter = message(DERM, MessageKind.Document(DocumentMessage("Courrier", 1, 30_000, hasThumbnail = false, isPdf = true)), eventId = "\$letter")

    private fun TestScope.open(vararg documents: ConversationItem.Message): CasePresenter {
        cases.rows.value = listOf(row("case"))
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.membersResult = { Outcome.Success(emptyList()) }
        cases.detailsResult = { Outcome.Success(details(room)) }
        cases.allowedResult = { Outcome.Success(allowed(CaseRole.REQUESTER, CaseAction.WRITE)) }
        conversations.itemsOf(room).value = listOf(headerCard()) + documents
        return CasePresenter(backgroundScope, room, cases, conversations, FakeRequestService(), discardPhoto = {}, viewer = viewer)
            .also { runCurrent() }
    }

    private val CasePresenter.documents get() = state.value.files.documents

    @Test
    fun `a document's first page is fetched once as its thumbnail, and none is asked for without one`() = runTest {
        val page = ImageBytes(byteArrayOf(9, 9))
        conversations.fetchPhotoResult = { Outcome.Success(page) }
        val presenter = open(lab, letter)
        presenter.onEvent(CaseEvent.ShowThumbnail(lab.message))
        presenter.onEvent(CaseEvent.ShowThumbnail(letter.message))
        runCurrent()
        presenter.onEvent(CaseEvent.ShowThumbnail(lab.message))
        runCurrent()
        assertEquals(PhotoLoad.Loaded(page), presenter.state.value.photos.thumbnails["\$lab"])
        assertNull(presenter.state.value.photos.thumbnails["\$letter"])
        assertEquals(listOf(MessageRef.Event(EventId("\$lab")) to PhotoSize.THUMBNAIL), conversations.photoFetches.all.map { it.message to it.size })
        assertEquals(TrustLevel.UNVERIFIED, lab.message.shield, "beside the sender, as for a photo")
    }

    @Test
    fun `a tap saves the PDF into the account's folder, then hands it to the viewer, once`() = runTest {
        val saved = CompletableDeferred<Unit>()
        conversations.saveDocumentResult = {
            saved.await()
            Outcome.Success(path)
        }
        viewer.result = { true }
        val presenter = open(lab)
        presenter.onEvent(CaseFilesEvent.OpenDocument(lab.message))
        runCurrent()
        assertEquals(mapOf("\$lab" to DocumentOpening.Saving), presenter.documents)
        presenter.onEvent(CaseFilesEvent.OpenDocument(lab.message))
        saved.complete(Unit)
        runCurrent()
        assertEquals(listOf(FakeConversationService.DocumentSave(room, MessageRef.Event(EventId("\$lab")))), conversations.documentSaves.all)
        assertEquals(listOf(path), viewer.opened.all, "a second tap while it is saved opens nothing more")
        assertTrue(presenter.documents.isEmpty())
    }

    @Test
    fun `a document that cannot be opened says why on its row, and a tap tries again`() = runTest {
        val refusals = ArrayDeque(listOf(PhotoError.Tampered, PhotoError.TooManyPages(812, 500), PhotoError.HomeserverUnreachable))
        conversations.saveDocumentResult = { refusals.removeFirstOrNull()?.let { Outcome.Failure(it) } ?: Outcome.Success(path) }
        viewer.result = { false }
        val presenter = open(lab)
        for (refusal in listOf(PhotoError.Tampered, PhotoError.TooManyPages(812, 500), PhotoError.HomeserverUnreachable)) {
            presenter.onEvent(CaseFilesEvent.OpenDocument(lab.message))
            runCurrent()
            assertEquals(mapOf("\$lab" to DocumentOpening.Failed(refusal)), presenter.documents)
        }
        assertTrue(viewer.opened.all.isEmpty())
        presenter.onEvent(CaseFilesEvent.OpenDocument(lab.message))
        runCurrent()
        assertEquals(mapOf("\$lab" to DocumentOpening.NoViewer), presenter.documents, "saved, but nothing on the phone reads a PDF")
        assertEquals(listOf(path), viewer.opened.all)
        assertNull(presenter.state.value.error, "said on the document, not in a dialog")
    }

    @Test
    fun `a document still on this device is saved by its transaction, and one that is not a PDF is never opened`() = runTest {
        val echo = message(GP, MessageKind.Document(DocumentMessage("Courrier", 1, 30_000, hasThumbnail = true, isPdf = true)), eventId = null, transactionId = "txn-7")
        val notes = message(DERM, MessageKind.Document(DocumentMessage("notes.odt", null, 12_000, hasThumbnail = false, isPdf = false)), eventId = "\$notes")
        conversations.saveDocumentResult = { Outcome.Success(path) }
        viewer.result = { true }
        val presenter = open(echo, notes)
        presenter.onEvent(CaseFilesEvent.OpenDocument(notes.message))
        presenter.onEvent(CaseFilesEvent.OpenDocument(echo.message))
        runCurrent()
        assertEquals(listOf(MessageRef.Local("txn-7")), conversations.documentSaves.all.map { it.message })
        assertEquals(listOf(path), viewer.opened.all)
    }
}
