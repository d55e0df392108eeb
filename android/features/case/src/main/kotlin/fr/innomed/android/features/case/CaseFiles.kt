package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.conversation.CaseMessage
import fr.innomed.android.api.conversation.ConversationService
import fr.innomed.android.api.conversation.DocumentViewer
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.conversation.PreparedFile
import java.io.File
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.getAndUpdate
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/** A file the doctor picked (a photo or a PDF), copied into the app's private storage. */
data class PickedFile(
    val file: File,
    /** Its name on the phone, shown beside it while it waits to be sent. */
    val name: String?,
    /** A document's title, sent inside the encrypted message; null for a photo. */
    val title: String?,
)

/** How the core prepared one picked file. */
sealed interface Preparation {
    data object Preparing : Preparation

    /** Sanitised or cleaned: what the core says of it (kind, size, thumbnail) is shown. */
    data class Ready(val file: PreparedFile) : Preparation

    /** Refused by the core, and why: it is not sent. */
    data class Refused(val error: PhotoError) : Preparation
}

/** One picked file in the list of files to send; [id] keeps it apart from the others. */
data class Attachment(val id: Int, val name: String?, val preparation: Preparation)

/** A received document being saved for the phone's viewer, or why it did not open. */
sealed interface DocumentOpening {
    data object Saving : DocumentOpening

    data class Failed(val error: PhotoError) : DocumentOpening

    /** Saved, but nothing on the phone shows a PDF. */
    data object NoViewer : DocumentOpening
}

data class CaseFilesState(
    /** The files picked for the next send, in the doctor's order. */
    val attachments: List<Attachment> = emptyList(),
    /** The accepted files are being queued. */
    val sending: Boolean = false,
    /** Received documents being opened, or that did not open, by [CaseMessage.key]. */
    val documents: Map<String, DocumentOpening> = emptyMap(),
) {
    /** The files the core accepted, in the doctor's order. */
    val accepted: List<PreparedFile> get() = attachments.mapNotNull { (it.preparation as? Preparation.Ready)?.file }

    /** "Envoyer": every file prepared (so the order holds), at least one accepted, none on its way. */
    val canSend: Boolean
        get() = !sending && accepted.isNotEmpty() && attachments.none { it.preparation == Preparation.Preparing }
}

/** What the doctor does with files: pick, remove, send them, and open a received document. */
sealed interface CaseFilesEvent : CaseEvent {
    /** Picked with the system's picker: each is prepared at once, then its copy discarded. */
    data class Attach(val files: List<PickedFile>) : CaseFilesEvent

    /** Out of the list (its cleaned bytes are freed); not while the list is being sent. */
    data class RemoveAttachment(val id: Int) : CaseFilesEvent

    /** The accepted files, in the doctor's order; the refused ones leave the list with them. */
    data object SendAttachments : CaseFilesEvent

    /** A tap on a received PDF: saved into the account's folder, then handed to the viewer. */
    data class OpenDocument(val message: CaseMessage) : CaseFilesEvent
}

/**
 * Files picked to send and received documents: each picked file is prepared by the core as soon
 * as it is picked (its refusal said beside it) and its copy discarded once read; the accepted
 * ones are sent together, in order, their progress shown on their messages. A received PDF is
 * saved then opened. Prepared files not sent are freed when removed or when the screen goes.
 */
internal class CaseFiles(
    private val scope: CoroutineScope,
    private val roomId: RoomId,
    private val conversations: ConversationService,
    private val viewer: DocumentViewer,
    private val discardFile: (File) -> Unit,
    private val state: MutableStateFlow<CaseState>,
) {
    private val ids = AtomicInteger()

    init {
        scope.coroutineContext[Job]?.invokeOnCompletion {
            state.value.files.attachments.forEach { it.close() }
        }
    }

    fun onEvent(event: CaseFilesEvent) {
        when (event) {
            is CaseFilesEvent.Attach -> attach(event.files)
            is CaseFilesEvent.RemoveAttachment -> remove(event.id)
            CaseFilesEvent.SendAttachments -> send()
            is CaseFilesEvent.OpenDocument -> open(event.message)
        }
    }

    private fun attach(picked: List<PickedFile>) {
        val current = state.value
        // The attach button shows on the same condition as the camera.
        if (!current.canSendPhoto) {
            picked.forEach { discardFile(it.file) }
            if (current.header?.photoConsent == false) state.update { it.copy(error = CaseScreenError.Photo(PhotoError.NoConsent)) }
            return
        }
        val added = picked.map { Attachment(ids.incrementAndGet(), it.name, Preparation.Preparing) }
        state.update { s -> s.withFiles { it.copy(attachments = it.attachments + added) } }
        picked.zip(added).forEach { (file, attachment) -> scope.launch { prepare(file, attachment.id) } }
    }

    private suspend fun prepare(picked: PickedFile, id: Int) {
        val prepared = try {
            conversations.prepareFile(picked.file, picked.title)
        } finally {
            discardFile(picked.file)
        }
        val preparation = when (prepared) {
            is Outcome.Success -> Preparation.Ready(prepared.value)
            is Outcome.Failure -> Preparation.Refused(prepared.error)
        }
        var listed = false
        state.update { s ->
            s.withFiles { files ->
                listed = files.attachments.any { it.id == id }
                files.copy(attachments = files.attachments.map { if (it.id == id) it.copy(preparation = preparation) else it })
            }
        }
        // Removed while the core prepared it.
        if (!listed) (preparation as? Preparation.Ready)?.file?.close()
    }

    private fun remove(id: Int) {
        val before = state.getAndUpdate { s ->
            if (s.files.sending) s else s.withFiles { files -> files.copy(attachments = files.attachments.filterNot { it.id == id }) }
        }
        if (!before.files.sending) before.files.attachments.firstOrNull { it.id == id }?.close()
    }

    private fun send() {
        val current = state.value.files
        if (!current.canSend) return
        val listed = current.attachments.map { it.id }.toSet()
        val accepted = current.accepted
        state.update { s -> s.withFiles { it.copy(sending = true) }.copy(error = null) }
        scope.launch {
            val sent = conversations.sendFiles(roomId, accepted)
            if (sent is Outcome.Success) accepted.forEach(PreparedFile::close)
            state.update { s ->
                when (sent) {
                    // Files picked meanwhile stay for the next send.
                    is Outcome.Success -> s.withFiles { files -> files.copy(sending = false, attachments = files.attachments.filterNot { it.id in listed }) }
                    is Outcome.Failure -> s.withFiles { it.copy(sending = false) }.copy(error = CaseScreenError.Photo(sent.error))
                }
            }
        }
    }

    private fun open(message: CaseMessage) {
        val key = message.key ?: return
        val ref = message.ref ?: return
        val document = (message.kind as? MessageKind.Document)?.document ?: return
        if (!document.isPdf) return
        val before = state.getAndUpdate { s ->
            if (s.files.documents[key] == DocumentOpening.Saving) s else s.withFiles { it.copy(documents = it.documents + (key to DocumentOpening.Saving)) }
        }
        if (before.files.documents[key] == DocumentOpening.Saving) return
        scope.launch {
            val outcome = when (val saved = conversations.saveDocument(roomId, ref)) {
                is Outcome.Success -> if (viewer.open(saved.value)) null else DocumentOpening.NoViewer
                is Outcome.Failure -> DocumentOpening.Failed(saved.error)
            }
            state.update { s ->
                s.withFiles { it.copy(documents = if (outcome == null) it.documents - key else it.documents + (key to outcome)) }
            }
        }
    }
}

private fun Attachment.close() = (preparation as? Preparation.Ready)?.file?.close()

private inline fun CaseState.withFiles(change: (CaseFilesState) -> CaseFilesState) = copy(files = change(files))
