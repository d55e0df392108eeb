package fr.innomed.android.features.case

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.pluralStringResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.conversation.FileKind
import fr.innomed.android.api.conversation.PreparedFile
import fr.innomed.android.ui.R
import fr.innomed.android.ui.documentFacts
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.fileSize
import fr.innomed.android.ui.text

/**
 * The files picked for the next send, in the doctor's order: each as the core prepared it (its
 * thumbnail, what it is and its size) or its refusal in words, each removable; then "Envoyer"
 * for the accepted ones, once every file is prepared.
 */
@Composable
fun AttachmentsTray(files: CaseFilesState, onEvent: (CaseEvent) -> Unit) {
    if (files.attachments.isEmpty()) return
    Column(Modifier.fillMaxWidth(), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(stringResource(R.string.attachments_title), style = MaterialTheme.typography.titleSmall)
        Column(Modifier.heightIn(max = 280.dp).verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            files.attachments.forEach { AttachmentRow(it, removable = !files.sending, onEvent) }
        }
        Button(onClick = { onEvent(CaseFilesEvent.SendAttachments) }, enabled = files.canSend, modifier = Modifier.align(Alignment.End)) {
            val count = files.accepted.size
            Text(if (files.sending) stringResource(R.string.attachments_sending) else pluralStringResource(R.plurals.attachments_send, count, count))
        }
    }
}

@Composable
private fun AttachmentRow(attachment: Attachment, removable: Boolean, onEvent: (CaseEvent) -> Unit) {
    val preparation = attachment.preparation
    val ready = (preparation as? Preparation.Ready)?.file
    Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(12.dp)) {
        FileThumbnail(
            image = ready?.thumbnail,
            loading = preparation == Preparation.Preparing,
            badge = if (ready?.kind is FileKind.Document) stringResource(R.string.document_badge) else null,
            description = stringResource(if (ready?.kind is FileKind.Document) R.string.document_description else R.string.photo_description),
            modifier = Modifier.size(48.dp),
        )
        Column(Modifier.weight(1f)) {
            Text(
                attachment.name ?: ready?.caption ?: stringResource(R.string.attachment_file),
                style = MaterialTheme.typography.bodyMedium,
                maxLines = 2,
                overflow = TextOverflow.Ellipsis,
            )
            val small = MaterialTheme.typography.bodySmall
            when (preparation) {
                Preparation.Preparing -> Text(stringResource(R.string.attachment_preparing), style = small)
                is Preparation.Ready -> Text(preparation.file.facts(), style = small)
                is Preparation.Refused -> Text(errorMessage(preparation.error.text()), color = MaterialTheme.colorScheme.error, style = small)
            }
        }
        TextButton(onClick = { onEvent(CaseFilesEvent.RemoveAttachment(attachment.id)) }, enabled = removable) {
            Text(stringResource(R.string.attachment_remove))
        }
    }
}

/** "Photo · 1,2 Mo", "PDF · 3 pages · 245 Ko": what the core made of the file. */
@Composable
private fun PreparedFile.facts(): String = when (val kind = kind) {
    is FileKind.Photo -> stringResource(R.string.attachment_photo) + " · " + fileSize(sizeBytes)
    is FileKind.Document -> stringResource(R.string.document_badge) + " · " + documentFacts(kind.pages, sizeBytes)
}
