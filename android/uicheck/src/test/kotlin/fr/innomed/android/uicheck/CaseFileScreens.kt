package fr.innomed.android.uicheck

import androidx.compose.runtime.Composable
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.Deadline
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.DocumentMessage
import fr.innomed.android.api.conversation.FileKind
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.conversation.SendState
import fr.innomed.android.api.conversation.UploadProgress
import fr.innomed.android.features.case.Attachment
import fr.innomed.android.features.case.CaseFilesState
import fr.innomed.android.features.case.CasePhotosState
import fr.innomed.android.features.case.CaseScreenError
import fr.innomed.android.features.case.CaseState
import fr.innomed.android.features.case.CaseView
import fr.innomed.android.features.case.DocumentOpening
import fr.innomed.android.features.case.PhotoLoad
import fr.innomed.android.features.case.Preparation
import fr.innomed.android.test.FakePreparedFile
import fr.innomed.android.uicheck.ClinicalData.DERM
import fr.innomed.android.uicheck.ClinicalData.DUE
import fr.innomed.android.uicheck.ClinicalData.GP
import org.jetbrains.skia.Canvas
import org.jetbrains.skia.Color
import org.jetbrains.skia.EncodedImageFormat
import org.jetbrains.skia.Paint
import org.jetbrains.skia.PaintMode
import org.jetbrains.skia.Rect
import org.jetbrains.skia.Surface

/**
 * The case screen with documents and several files sent at once, as [ScreensTest] draws them: the
 * GP sends the patient's lab results and her mother's pathology report, the dermatologist a
 * leaflet and a document that is not a PDF; the GP picks files, some of which the core refuses.
 */
object CaseFileScreens {
    /** The first page of a lab report, drawn here: a title, a table of results, a signature. */
    private val labPage: ImageBytes by lazy {
        page { canvas, ink, light ->
            canvas.drawRect(Rect.makeXYWH(16f, 16f, 120f, 14f), ink)
            for (row in 0 until 9) {
                val y = 56f + row * 22f
                canvas.drawRect(Rect.makeXYWH(16f, y, 110f, 8f), light)
                canvas.drawRect(Rect.makeXYWH(150f, y, 36f, 8f), if (row == 4) Paint().apply { color = Color.makeRGB(200, 40, 40) } else ink)
                canvas.drawRect(Rect.makeXYWH(200f, y, 24f, 8f), light)
            }
            canvas.drawRect(Rect.makeXYWH(150f, 280f, 74f, 10f), light)
        }
    }

    /** The first page of a pathology report: a letterhead and paragraphs. */
    private val reportPage: ImageBytes by lazy {
        page { canvas, ink, light ->
            canvas.drawRect(Rect.makeXYWH(16f, 16f, 60f, 24f), Paint().apply { color = Color.makeRGB(40, 90, 160) })
            canvas.drawRect(Rect.makeXYWH(90f, 20f, 130f, 10f), ink)
            for (line in 0 until 14) {
                canvas.drawRect(Rect.makeXYWH(16f, 64f + line * 16f, if (line % 5 == 4) 120f else 208f, 6f), light)
            }
        }
    }

    private val lab = DocumentMessage("Bilan sanguin du 18/11", 3, 250_880, hasThumbnail = true, isPdf = true)
    private val pathology = DocumentMessage("Compte rendu anatomopathologique 2019", 2, 1_258_291, hasThumbnail = true, isPdf = true)
    private val leaflet = DocumentMessage("Fiche conseils : surveiller ses grains de beauté", 1, 88_064, hasThumbnail = false, isPdf = true)
    private val protocol = DocumentMessage("Protocole exérèse.docx", null, 40_960, hasThumbnail = false, isPdf = false)

    private val conversation: List<ConversationItem.Message> = listOf(
        ClinicalData.message(GP, MessageKind.Header(ClinicalData.lesionHeader), GP, 0, readBy = listOf(DERM)),
        ClinicalData.message(DERM, MessageKind.Text("Pouvez-vous m'envoyer le dernier bilan et le compte rendu de sa mère ?"), GP, 22),
        ClinicalData.message(GP, MessageKind.Document(lab), GP, 30, readBy = listOf(DERM)),
        ClinicalData.message(GP, MessageKind.Document(pathology), GP, 31, readBy = listOf(DERM)),
        ClinicalData.message(DERM, MessageKind.Document(leaflet), GP, 40),
        ClinicalData.message(DERM, MessageKind.Document(protocol), GP, 41),
    )
    private val labKey = conversation[2].message.key!!
    private val pathologyKey = conversation[3].message.key!!
    private val leafletKey = conversation[4].message.key!!

    private val thumbnails = mapOf(labKey to PhotoLoad.Loaded(labPage), pathologyKey to PhotoLoad.Loaded(reportPage))

    private val gp = CaseState(
        roomId = ClinicalData.room,
        details = ClinicalData.details(CaseStatus.ACCEPTED),
        header = ClinicalData.lesionHeader,
        requester = GP,
        // The documents first (the screen is drawn before the list scrolls to its end): one with
        // its first page, one without, one that is not a PDF.
        items = listOf(ConversationItem.DayDivider(ClinicalData.MONDAY_AFTERNOON)) + conversation.slice(listOf(2, 4, 5, 3)),
        members = ClinicalData.members.take(2),
        photos = CasePhotosState(thumbnails = thumbnails),
        allowed = CaseActions(CaseRole.REQUESTER, setOf(CaseAction.WRITE), deadline = Deadline(DeadlineState.ON_TIME, DUE)),
    )

    private val labFile = FakePreparedFile(FileKind.Document(3), 250_880, labPage, "Bilan sanguin du 18-11")
    private val photoFile = FakePreparedFile(FileKind.Photo(1600, 1200), 421_888, ClinicalData.lesionImage)

    /** The GP's files picked for the next send, as the core prepared each. */
    private val picked = listOf(
        Attachment(1, "Bilan sanguin du 18-11.pdf", Preparation.Ready(labFile)),
        Attachment(2, "IMG_2041.jpg", Preparation.Ready(photoFile)),
        Attachment(3, "Ordonnance.pdf", Preparation.Refused(PhotoError.EncryptedDocument)),
        Attachment(4, "Echographie.heic", Preparation.Refused(PhotoError.UnsupportedFormat)),
    )

    private val preparing = listOf(
        Attachment(1, "Bilan sanguin du 18-11.pdf", Preparation.Ready(labFile)),
        Attachment(2, "Courrier du Dr Lefèvre.pdf", Preparation.Preparing),
        Attachment(3, "Scanner thoracique.pdf", Preparation.Refused(PhotoError.TooManyPages(pages = 812, limitPages = 500))),
        Attachment(4, "Dossier cardiologie.pdf", Preparation.Refused(PhotoError.TooManyObjects(objects = 310_000, limitObjects = 250_000))),
    )

    /** Only the header above the files: the list of files takes the room. */
    private val asked = gp.copy(items = listOf(ConversationItem.DayDivider(ClinicalData.MONDAY_AFTERNOON), conversation[0]))

    val all: Array<Pair<String, @Composable () -> Unit>> = arrayOf(
        "case-documents" to { CaseView(gp, {}, ClinicalData.specialties, {}, {}) },
        "case-document-opening" to {
            val opening = mapOf(
                labKey to DocumentOpening.Saving,
                pathologyKey to DocumentOpening.Failed(PhotoError.Tampered),
                leafletKey to DocumentOpening.NoViewer,
            )
            val items = listOf(ConversationItem.DayDivider(ClinicalData.MONDAY_AFTERNOON)) + conversation.slice(listOf(2, 4, 3))
            CaseView(gp.copy(items = items, files = CaseFilesState(documents = opening)), {}, ClinicalData.specialties, {}, {})
        },
        "case-files-uploading" to {
            val sending = listOf(conversation[2].sentFromHere("txn-lab"), conversation[3].sentFromHere("txn-report"))
            val uploads = mapOf("txn-lab" to UploadProgress.Uploading(sentBytes = 100_352, totalBytes = 250_880), "txn-report" to UploadProgress.Queued)
            // A local echo's thumbnail is asked for by its transaction.
            val pages = mapOf("txn-lab" to PhotoLoad.Loaded(labPage), "txn-report" to PhotoLoad.Loaded(reportPage))
            CaseView(
                gp.copy(items = gp.items.take(1) + sending, photos = CasePhotosState(thumbnails = pages, uploads = uploads)),
                {}, ClinicalData.specialties, {}, {},
            )
        },
        "case-attach" to { CaseView(asked.copy(files = CaseFilesState(attachments = picked)), {}, ClinicalData.specialties, {}, {}) },
        "case-attach-preparing" to { CaseView(asked.copy(files = CaseFilesState(attachments = preparing)), {}, ClinicalData.specialties, {}, {}) },
        "case-attach-refused" to {
            CaseView(
                asked.copy(files = CaseFilesState(attachments = picked.take(2)), error = CaseScreenError.Photo(PhotoError.UninvitedMember)),
                {}, ClinicalData.specialties, {}, {},
            )
        },
    )

    /** The same message as a local echo of this phone, on its way to the homeserver. */
    private fun ConversationItem.Message.sentFromHere(transactionId: String) =
        copy(message = message.copy(eventId = null, transactionId = transactionId, sendState = SendState.Sending, readBy = emptyList()))

    private fun page(draw: (Canvas, Paint, Paint) -> Unit): ImageBytes {
        val surface = Surface.makeRasterN32Premul(240, 320)
        val canvas = surface.canvas
        canvas.clear(Color.WHITE)
        canvas.drawRect(Rect.makeXYWH(0.5f, 0.5f, 239f, 319f), Paint().apply { color = Color.makeRGB(200, 200, 200); mode = PaintMode.STROKE })
        draw(canvas, Paint().apply { color = Color.makeRGB(60, 60, 60) }, Paint().apply { color = Color.makeRGB(170, 170, 170) })
        return ImageBytes(surface.makeImageSnapshot().encodeToData(EncodedImageFormat.PNG)!!.bytes)
    }
}
