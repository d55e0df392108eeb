package fr.innomed.android.features.case

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.ui.R

/**
 * The message field, the reply or edit banner, the files picked to send, and the camera and
 * attach buttons (only when the header records the patient's consent to photos). [onTakePhoto]
 * opens the camera into private storage; [onAttachFiles] the system's picker for photos and PDFs.
 */
@Composable
fun CaseComposer(state: CaseState, onEvent: (CaseEvent) -> Unit, onTakePhoto: () -> Unit, onAttachFiles: () -> Unit) {
    Column(Modifier.padding(8.dp)) {
        AttachmentsTray(state.files, onEvent)
        if (state.editing != null) {
            Row(verticalAlignment = Alignment.CenterVertically) {
                Text(stringResource(R.string.composer_editing), Modifier.weight(1f))
                TextButton(onClick = { onEvent(CaseEvent.CancelEdit) }) { Text(stringResource(R.string.cancel)) }
            }
        } else if (state.replyingTo != null) {
            Row(verticalAlignment = Alignment.CenterVertically) {
                Text(stringResource(R.string.composer_replying), Modifier.weight(1f))
                TextButton(onClick = { onEvent(CaseEvent.CancelReply) }) { Text(stringResource(R.string.cancel)) }
            }
        }
        if (state.photos.preparing > 0) {
            Text(stringResource(R.string.photo_preparing), style = MaterialTheme.typography.labelSmall)
        }
        Row(verticalAlignment = Alignment.CenterVertically) {
            if (state.canSendPhoto && state.editing == null) {
                // Narrower than a text button's default, so that the message field keeps its room.
                TextButton(onClick = onTakePhoto, contentPadding = COMPACT) { Text(stringResource(R.string.photo_take)) }
                TextButton(onClick = onAttachFiles, contentPadding = COMPACT) { Text(stringResource(R.string.attach_files)) }
            }
            OutlinedTextField(
                value = state.composer,
                onValueChange = { onEvent(CaseEvent.ComposerChanged(it)) },
                placeholder = { Text(stringResource(R.string.composer_hint)) },
                modifier = Modifier.weight(1f),
            )
            TextButton(onClick = { onEvent(CaseEvent.Send) }, enabled = state.canSend) {
                Text(stringResource(if (state.editing != null) R.string.composer_save else R.string.composer_send))
            }
        }
    }
}

private val COMPACT = PaddingValues(horizontal = 6.dp, vertical = 8.dp)
