package fr.innomed.android.features.case

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.size
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.draw.clip
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.conversation.CaseMessage
import fr.innomed.android.api.conversation.DocumentMessage
import fr.innomed.android.ui.R
import fr.innomed.android.ui.documentFacts
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.text

/**
 * A document message: its first page (asked for when it first shows), its title, "3 pages ·
 * 245 Ko" as the sender's device said, and its upload while it leaves this phone. A tap on a PDF
 * saves it then opens it in the phone's viewer; what went wrong is said on the row.
 */
@Composable
fun DocumentMessageView(
    message: CaseMessage,
    document: DocumentMessage,
    photos: CasePhotosState,
    files: CaseFilesState,
    onEvent: (CaseEvent) -> Unit,
) {
    val key = message.key
    LaunchedEffect(key) { if (key != null && document.hasThumbnail) onEvent(CaseEvent.ShowThumbnail(message)) }
    val opening = key?.let { files.documents[it] }
    val canOpen = document.isPdf && key != null && opening != DocumentOpening.Saving
    val open = { onEvent(CaseFilesEvent.OpenDocument(message)) }
    Row(
        modifier = Modifier.fillMaxWidth().clip(MaterialTheme.shapes.small).clickable(enabled = canOpen, onClick = open),
        verticalAlignment = Alignment.CenterVertically,
        horizontalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        val thumbnail = key?.let { photos.thumbnails[it] }
        FileThumbnail(
            image = (thumbnail as? PhotoLoad.Loaded)?.image,
            loading = document.hasThumbnail && (thumbnail == null || thumbnail == PhotoLoad.Loading),
            badge = if (document.isPdf) stringResource(R.string.document_badge) else null,
            description = stringResource(R.string.document_description),
            modifier = Modifier.size(width = 48.dp, height = 64.dp),
        )
        Column(Modifier.weight(1f)) {
            Text(document.title.ifBlank { stringResource(R.string.document_untitled) }, style = MaterialTheme.typography.bodyLarge)
            // The title has the whole width; the facts share theirs with the button.
            Row(verticalAlignment = Alignment.CenterVertically) {
                Text(documentFacts(document.pages, document.sizeBytes), style = MaterialTheme.typography.bodySmall, modifier = Modifier.weight(1f))
                if (document.isPdf) {
                    TextButton(onClick = open, enabled = canOpen) { Text(stringResource(R.string.document_open)) }
                }
            }
            DocumentNote(document, opening)
        }
    }
    message.transactionId?.let { photos.uploads[it] }?.let { UploadLine(it, R.string.document_upload_waiting, R.string.document_upload_failed) }
}

@Composable
private fun DocumentNote(document: DocumentMessage, opening: DocumentOpening?) {
    val error = MaterialTheme.colorScheme.error
    val small = MaterialTheme.typography.bodySmall
    when {
        !document.isPdf -> Text(stringResource(R.string.document_not_pdf), style = small)
        opening == DocumentOpening.Saving -> Text(stringResource(R.string.document_opening), style = MaterialTheme.typography.labelSmall)
        opening is DocumentOpening.Failed -> Text(errorMessage(opening.error.text()), color = error, style = small)
        opening == DocumentOpening.NoViewer -> Text(stringResource(R.string.document_no_viewer), color = error, style = small)
    }
}
