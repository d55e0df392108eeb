package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.conversation.FileKind
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.MessageRef
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.conversation.UploadProgress
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.FakePreparedFile
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.GP
import fr.innomed.android.test.HEADER
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.message
import fr.innomed.android.test.row
import java.io.File
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancel
import kotlinx.coroutines.job
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Several files picked at once on the case screen: each prepared by the core as soon as it is
 * picked (its refusal said beside it), its copy discarded, removable, then the accepted ones
 * sent in the doctor's order.
 */
class CaseFilesPresenterTest {
    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val discarded = mutableListOf<File>()
    private val room = row("case").roomId
    private val lab = PickedFile(File("/data/files/photos/a1"), "Bilan sanguin.pdf", "Bilan sanguin")
    private val ecg = PickedFile(File("/data/files/photos/b2"), "ECG.pdf", "ECG")
    private val back = PickedFile(File("/data/files/photos/c3"), "IMG_2041.jpg", null)
    private val labFile = FakePreparedFile(FileKind.Document(3), 250_880, ImageBytes(byteArrayOf(1)), "Bilan sanguin")
    private val backFile = FakePreparedFile(FileKind.Photo(1600, 1200), 412_000, ImageBytes(byteArrayOf(2)))

    /** What the core decided for the doctor; by default, writing. */
    private var decided: CaseActions? = null

    /** The screen's scope: cancelled when the doctor leaves it. */
    private lateinit var screen: CoroutineScope

    private fun TestScope.open(me: UserId = GP, header: CaseHeader = HEADER): CasePresenter {
        cases.rows.value = listOf(row("case"))
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.membersResult = { Outcome.Success(emptyList()) }
        cases.detailsResult = { Outcome.Success(details(room)) }
        cases.allowedResult = { Outcome.Success(decided ?: allowed(CaseRole.REQUESTER, CaseAction.WRITE)) }
        conversations.itemsOf(room).value = listOf(message(GP, MessageKind.Header(header), me))
        screen = CoroutineScope(backgroundScope.coroutineContext + Job(backgroundScope.coroutineContext.job))
        return CasePresenter(screen, room, cases, conversations, FakeRequestService(), discarded::add, FakeDocumentViewer())
            .also { runCurrent() }
    }

    private val CasePresenter.files get() = state.value.files

    private fun CasePresenter.preparations() = files.attachments.map { it.preparation }

    @Test
    fun `each picked file is prepared at once with its title, its copy discarded, and what the core said is listed`() = runTest {
        val refusals = mapOf(ecg.file to PhotoError.EncryptedDocument)
        val gates = mapOf(lab.file to CompletableDeferred<Unit>())
        conversations.prepareFileResult = { call ->
            gates[call.file]?.await()
            when (call.file) {
                lab.file -> Outcome.Success(labFile)
                back.file -> Outcome.Success(backFile)
                else -> Outcome.Failure(refusals.getValue(call.file))
            }
        }
        val presenter = open()
        presenter.onEvent(CaseFilesEvent.Attach(listOf(lab, ecg, back)))
        assertEquals(listOf("Bilan sanguin.pdf", "ECG.pdf", "IMG_2041.jpg"), presenter.files.attachments.map { it.name }, "in the order picked")
        runCurrent()
        assertEquals(
            listOf(Preparation.Preparing, Preparation.Refused(PhotoError.EncryptedDocument), Preparation.Ready(backFile)),
            presenter.preparations(),
        )
        assertFalse(presenter.files.canSend, "the first file is still being prepared: sending now would change the order")
        assertEquals(listOf(ecg.file, back.file), discarded, "a copy goes once the core has read it")

        gates.getValue(lab.file).complete(Unit)
        runCurrent()
        assertEquals(Preparation.Ready(labFile), presenter.preparations().first())
        assertEquals(listOf(labFile, backFile), presenter.files.accepted)
        assertTrue(presenter.files.canSend)
        assertEquals(listOf("Bilan sanguin", "ECG", null), conversations.filesPrepared.all.sortedBy { it.file.path }.map { it.caption })
        assertEquals(setOf(lab.file, ecg.file, back.file), discarded.toSet())
        assertNull(presenter.state.value.error, "a refusal is said beside its file, not in a dialog")
    }

    @Test
    fun `every refusal of the core keeps its kind beside its file`() = runTest {
        val refusals = listOf(
            PhotoError.TooManyPages(pages = 812, limitPages = 500),
            PhotoError.TooManyObjects(objects = 300_000, limitObjects = 250_000),
            PhotoError.UnsupportedFormat,
            PhotoError.Corrupt,
            PhotoError.TooLarge(sizeBytes = 67_108_864, limitBytes = 41_943_040),
            PhotoError.Unreadable,
        )
        val picked = refusals.indices.map { PickedFile(File("/data/files/photos/f$it"), "f$it", null) }
        conversations.prepareFileResult = { call -> Outcome.Failure(refusals[picked.indexOfFirst { it.file == call.file }]) }
        val presenter = open()
        presenter.onEvent(CaseFilesEvent.Attach(picked))
        runCurrent()
        assertEquals(refusals.map { Preparation.Refused(it) }, presenter.preparations())
        assertFalse(presenter.files.canSend, "nothing accepted, nothing to send")
    }

    @Test
    fun `the accepted files are sent in the doctor's order, the list emptied, and each one's progress shown`() = runTest {
        conversations.prepareFileResult = { call ->
            if (call.file == ecg.file) Outcome.Failure(PhotoError.TooManyPages(812, 500)) else Outcome.Success(if (call.file == lab.file) labFile else backFile)
        }
        conversations.sendFilesResult = { Outcome.Success(listOf(MessageRef.Local("txn-lab"), MessageRef.Local("txn-back"))) }
        val presenter = open()
        presenter.onEvent(CaseFilesEvent.Attach(listOf(lab, ecg, back)))
        runCurrent()
        presenter.onEvent(CaseFilesEvent.SendAttachments)
        assertTrue(presenter.files.sending)
        runCurrent()
        val call = conversations.filesSent.all.single()
        assertEquals(room, call.roomId)
        assertEquals(listOf(labFile, backFile), call.files, "the refused one is not sent, the order is kept")
        assertTrue(presenter.files.attachments.isEmpty(), "the refused one leaves with them: its refusal was said")
        assertFalse(presenter.files.sending)
        assertTrue(labFile.closed && backFile.closed, "the core has its own copy")

        conversations.uploadsOf(room).value = mapOf("txn-lab" to UploadProgress.Uploading(100, 400), "txn-back" to UploadProgress.Queued)
        runCurrent()
        assertEquals(UploadProgress.Uploading(100, 400), presenter.state.value.photos.uploads["txn-lab"])
        assertEquals(UploadProgress.Queued, presenter.state.value.photos.uploads["txn-back"])
    }

    @Test
    fun `a send the core refuses keeps the list and says why, and a file picked meanwhile stays after a send`() = runTest {
        val later = PickedFile(File("/data/files/photos/d4"), "Courrier.pdf", "Courrier")
        val laterFile = FakePreparedFile(FileKind.Document(1), 30_000)
        conversations.prepareFileResult = { call -> Outcome.Success(if (call.file == later.file) laterFile else labFile) }
        val refusals = ArrayDeque(listOf(PhotoError.NotHandedOver, PhotoError.HomeserverUnreachable))
        val sending = CompletableDeferred<Unit>()
        conversations.sendFilesResult = {
            refusals.removeFirstOrNull()?.let { Outcome.Failure(it) } ?: run {
                sending.await()
                Outcome.Success(listOf(MessageRef.Local("txn-lab")))
            }
        }
        val presenter = open()
        presenter.onEvent(CaseFilesEvent.Attach(listOf(lab)))
        runCurrent()
        presenter.onEvent(CaseFilesEvent.SendAttachments)
        runCurrent()
        assertEquals(CaseScreenError.Photo(PhotoError.NotHandedOver), presenter.state.value.error)
        assertEquals(listOf(Preparation.Ready(labFile)), presenter.preparations())
        assertFalse(labFile.closed, "kept, to send again")
        presenter.onEvent(CaseFilesEvent.SendAttachments)
        runCurrent()
        assertEquals(CaseScreenError.Photo(PhotoError.HomeserverUnreachable), presenter.state.value.error)

        presenter.onEvent(CaseFilesEvent.SendAttachments)
        assertNull(presenter.state.value.error)
        presenter.onEvent(CaseFilesEvent.Attach(listOf(later)))
        runCurrent()
        presenter.onEvent(CaseFilesEvent.RemoveAttachment(presenter.files.attachments.first().id))
        assertEquals(2, presenter.files.attachments.size, "nothing leaves the list while it is sent")
        sending.complete(Unit)
        runCurrent()
        assertEquals(listOf(Preparation.Ready(laterFile)), presenter.preparations(), "picked during the send: it waits for the next")
        assertFalse(laterFile.closed)
    }

    @Test
    fun `a removed file is freed, also when it is removed while the core prepares it`() = runTest {
        val gate = CompletableDeferred<Unit>()
        val ecgFile = FakePreparedFile(FileKind.Document(2), 80_000)
        conversations.prepareFileResult = { call ->
            if (call.file == ecg.file) gate.await()
            Outcome.Success(if (call.file == lab.file) labFile else ecgFile)
        }
        val presenter = open()
        presenter.onEvent(CaseFilesEvent.Attach(listOf(lab, ecg)))
        runCurrent()
        val (first, second) = presenter.files.attachments
        presenter.onEvent(CaseFilesEvent.RemoveAttachment(first.id))
        assertTrue(labFile.closed)
        presenter.onEvent(CaseFilesEvent.RemoveAttachment(second.id))
        assertTrue(presenter.files.attachments.isEmpty())
        gate.complete(Unit)
        runCurrent()
        assertTrue(presenter.files.attachments.isEmpty(), "it does not come back once prepared")
        assertTrue(ecgFile.closed)
        assertTrue(conversations.filesSent.all.isEmpty())
        assertEquals(listOf(lab.file, ecg.file), discarded)
    }

    @Test
    fun `leaving the screen frees the files not sent`() = runTest {
        conversations.prepareFileResult = { Outcome.Success(labFile) }
        val presenter = open()
        presenter.onEvent(CaseFilesEvent.Attach(listOf(lab)))
        runCurrent()
        assertFalse(labFile.closed)
        screen.cancel()
        runCurrent()
        assertTrue(labFile.closed)
    }

    @Test
    fun `without the patient's consent, or while the core does not allow writing, nothing is prepared and the copies go`() = runTest {
        val presenter = open(GP, HEADER.copy(photoConsent = false))
        presenter.onEvent(CaseFilesEvent.Attach(listOf(lab, back)))
        runCurrent()
        assertEquals(CaseScreenError.Photo(PhotoError.NoConsent), presenter.state.value.error)
        assertTrue(presenter.files.attachments.isEmpty())
        assertEquals(listOf(lab.file, back.file), discarded)

        decided = allowed(CaseRole.TAKER)
        val specialist = open(DERM)
        specialist.onEvent(CaseFilesEvent.Attach(listOf(ecg)))
        runCurrent()
        assertTrue(specialist.files.attachments.isEmpty())
        assertTrue(conversations.filesPrepared.all.isEmpty())
        assertEquals(listOf(lab.file, back.file, ecg.file), discarded)
    }
}
