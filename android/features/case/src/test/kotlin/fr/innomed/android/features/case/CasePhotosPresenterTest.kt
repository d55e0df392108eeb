package fr.innomed.android.features.case

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.MessageRef
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.conversation.PhotoMessage
import fr.innomed.android.api.conversation.PhotoSize
import fr.innomed.android.api.conversation.UploadProgress
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.GP
import fr.innomed.android.test.HEADER
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.message
import fr.innomed.android.test.row
import java.io.File
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Photos on the case screen: thumbnail first, full image on tap, sending with progress, typed errors. */
class CasePhotosPresenterTest {
    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val discarded = mutableListOf<File>()
    private val room = row("case").roomId
    private val thumbnail = ImageBytes(byteArrayOf(1, 2, 3))
    private val full = ImageBytes(byteArrayOf(4, 5, 6, 7))
    private val camera = File("/data/files/photos/capture.jpg")
    private val photo = MessageKind.Photo(PhotoMessage(caption = null, width = 640, height = 480, blurhash = null, hasThumbnail = true))

    /** The core lets both doctors write into the case between colleagues. */
    private var decided: CaseActions? = null

    private fun TestScope.open(me: UserId = DERM, header: CaseHeader = HEADER, vararg more: ConversationItem): CasePresenter {
        cases.rows.value = listOf(row("case"))
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.membersResult = { Outcome.Success(emptyList()) }
        cases.detailsResult = { Outcome.Success(details(room)) }
        cases.allowedResult = {
            Outcome.Success(decided ?: allowed(if (me == GP) CaseRole.REQUESTER else CaseRole.MEMBER, CaseAction.WRITE))
        }
        conversations.itemsOf(room).value = listOf(message(GP, MessageKind.Header(header), me)) + more
        return CasePresenter(backgroundScope, room, cases, conversations, FakeRequestService(), discarded::add, FakeDocumentViewer())
            .also { runCurrent() }
    }

    private fun FakeConversationService.fetched() = photoFetches.all.map { it.message to it.size }

    @Test
    fun `a photo shows its thumbnail once, then the full image on tap`() = runTest {
        val shared = message(GP, photo, eventId = "\$photo")
        val fullGate = CompletableDeferred<Unit>()
        conversations.fetchPhotoResult = { call ->
            if (call.size == PhotoSize.FULL) fullGate.await()
            Outcome.Success(if (call.size == PhotoSize.THUMBNAIL) thumbnail else full)
        }
        val presenter = open(DERM, HEADER, shared)
        assertTrue(presenter.state.value.photos.thumbnails.isEmpty(), "nothing is fetched before the photo is shown")

        presenter.onEvent(CaseEvent.ShowThumbnail(shared.message))
        assertEquals(PhotoLoad.Loading, presenter.state.value.photos.thumbnails["\$photo"])
        runCurrent()
        presenter.onEvent(CaseEvent.ShowThumbnail(shared.message))
        runCurrent()
        assertEquals(PhotoLoad.Loaded(thumbnail), presenter.state.value.photos.thumbnails["\$photo"])

        presenter.onEvent(CaseEvent.OpenPhoto(shared.message))
        runCurrent()
        assertEquals(PhotoViewer("\$photo", PhotoLoad.Loading), presenter.state.value.photos.viewer, "the thumbnail stays meanwhile")
        fullGate.complete(Unit)
        runCurrent()
        assertEquals(PhotoViewer("\$photo", PhotoLoad.Loaded(full)), presenter.state.value.photos.viewer)
        val byEvent = MessageRef.Event(EventId("\$photo"))
        assertEquals(listOf(byEvent to PhotoSize.THUMBNAIL, byEvent to PhotoSize.FULL), conversations.fetched())

        presenter.onEvent(CaseEvent.ClosePhoto)
        assertNull(presenter.state.value.photos.viewer)
    }

    @Test
    fun `a photo still on this device is fetched by its transaction, and a refused image says why`() = runTest {
        val echo = message(DERM, photo, me = DERM, eventId = null, transactionId = "txn-1")
        conversations.fetchPhotoResult = { call ->
            Outcome.Failure(if (call.size == PhotoSize.THUMBNAIL) PhotoError.Tampered else PhotoError.MediaMissing)
        }
        val presenter = open(DERM, HEADER, echo)
        presenter.onEvent(CaseEvent.OpenPhoto(echo.message))
        runCurrent()
        assertEquals(PhotoLoad.Failed(PhotoError.Tampered), presenter.state.value.photos.thumbnails["txn-1"])
        assertEquals(PhotoViewer("txn-1", PhotoLoad.Failed(PhotoError.MediaMissing)), presenter.state.value.photos.viewer)
        assertTrue(conversations.photoFetches.all.all { it.message == MessageRef.Local("txn-1") })
        assertNull(presenter.state.value.error, "a photo that cannot be shown is said on the photo, not in a dialog")
    }

    @Test
    fun `a thumbnail the network failed is not kept, shown again or tapped it is fetched again`() = runTest {
        val shared = message(GP, photo, eventId = "\$photo")
        var online = false
        conversations.fetchPhotoResult = { call ->
            if (call.size == PhotoSize.FULL) Outcome.Success(full)
            else if (online) Outcome.Success(thumbnail) else Outcome.Failure(PhotoError.HomeserverUnreachable)
        }
        val presenter = open(DERM, HEADER, shared)
        presenter.onEvent(CaseEvent.ShowThumbnail(shared.message))
        runCurrent()
        assertEquals(PhotoLoad.Failed(PhotoError.HomeserverUnreachable), presenter.state.value.photos.thumbnails["\$photo"])
        presenter.onEvent(CaseEvent.ShowThumbnail(shared.message))
        runCurrent()
        assertEquals(2, conversations.photoFetches.all.size, "shown again, it is fetched again")

        online = true
        presenter.onEvent(CaseEvent.OpenPhoto(shared.message))
        runCurrent()
        assertEquals(PhotoLoad.Loaded(thumbnail), presenter.state.value.photos.thumbnails["\$photo"])
    }

    @Test
    fun `a camera photo is sent, its file discarded, and its upload progress shown`() = runTest {
        conversations.sendPhotoResult = { Outcome.Success(MessageRef.Local("txn-2")) }
        val presenter = open(GP)
        assertTrue(presenter.state.value.canSendPhoto)

        presenter.onEvent(CaseEvent.SendPhoto(camera))
        assertEquals(1, presenter.state.value.photos.preparing)
        runCurrent()
        assertEquals(room, conversations.photosSent.all.single().roomId)
        assertEquals(camera, conversations.photosSent.all.single().file)
        assertEquals(listOf(camera), discarded)
        assertEquals(0, presenter.state.value.photos.preparing)

        conversations.uploadsOf(room).value = mapOf("txn-2" to UploadProgress.Uploading(sentBytes = 50, totalBytes = 200))
        runCurrent()
        val progress = presenter.state.value.photos.uploads["txn-2"] as UploadProgress.Uploading
        assertEquals(0.25f, progress.fraction)
        conversations.uploadsOf(room).value = emptyMap()
        runCurrent()
        assertTrue(presenter.state.value.photos.uploads.isEmpty(), "a sent photo leaves the progress")
    }

    @Test
    fun `a photo the core refuses shows its typed error, and its file is discarded all the same`() = runTest {
        val refusals = ArrayDeque(listOf(PhotoError.UnsupportedFormat, PhotoError.TooLarge(sizeBytes = 40_000_000, limitBytes = 25_000_000)))
        conversations.sendPhotoResult = { Outcome.Failure(refusals.removeFirst()) }
        val presenter = open(GP)
        presenter.onEvent(CaseEvent.SendPhoto(camera))
        runCurrent()
        assertEquals(CaseScreenError.Photo(PhotoError.UnsupportedFormat), presenter.state.value.error)
        presenter.onEvent(CaseEvent.DismissError)
        presenter.onEvent(CaseEvent.SendPhoto(camera))
        runCurrent()
        assertEquals(CaseScreenError.Photo(PhotoError.TooLarge(40_000_000, 25_000_000)), presenter.state.value.error)
        assertEquals(listOf(camera, camera), discarded)
    }

    @Test
    fun `while the core does not allow writing, the camera is off and nothing is sent`() = runTest {
        decided = allowed(CaseRole.TAKER)
        val presenter = open(DERM)
        assertFalse(presenter.state.value.canSendPhoto, "the header's consent is not enough")
        presenter.onEvent(CaseEvent.SendPhoto(camera))
        runCurrent()
        assertTrue(conversations.photosSent.all.isEmpty())
        assertEquals(listOf(camera), discarded)
    }

    @Test
    fun `without the patient's consent to photos nothing is sent`() = runTest {
        val presenter = open(GP, HEADER.copy(photoConsent = false))
        assertFalse(presenter.state.value.canSendPhoto)
        presenter.onEvent(CaseEvent.SendPhoto(camera))
        runCurrent()
        assertTrue(conversations.photosSent.all.isEmpty())
        assertEquals(CaseScreenError.Photo(PhotoError.NoConsent), presenter.state.value.error)
        assertEquals(listOf(camera), discarded)
    }
}
