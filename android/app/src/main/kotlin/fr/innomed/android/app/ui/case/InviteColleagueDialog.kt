package fr.innomed.android.app.ui.case

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.text.KeyboardActions
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import fr.innomed.android.app.R
import fr.innomed.android.app.ui.errorMessage
import fr.innomed.android.app.ui.text
import fr.innomed.android.features.case.CaseEvent
import fr.innomed.android.features.case.InviteDialog

/** Invites a colleague by user id; they will read the whole case, history included. */
@Composable
fun InviteColleagueDialog(dialog: InviteDialog, onEvent: (CaseEvent) -> Unit) {
    val close = { onEvent(CaseEvent.CloseInvite) }
    AlertDialog(
        onDismissRequest = close,
        title = { Text(stringResource(R.string.case_invite)) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(stringResource(R.string.invite_history_note))
                OutlinedTextField(
                    value = dialog.userId,
                    onValueChange = { onEvent(CaseEvent.InviteeChanged(it)) },
                    label = { Text(stringResource(R.string.invite_user_id)) },
                    singleLine = true,
                    enabled = !dialog.sending,
                    isError = dialog.missing || dialog.error != null,
                    supportingText = {
                        val error = dialog.error
                        when {
                            error != null -> Text(errorMessage(error.text()))
                            dialog.missing -> Text(stringResource(R.string.invite_missing))
                        }
                    },
                    keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Uri, imeAction = ImeAction.Send),
                    keyboardActions = KeyboardActions(onSend = { onEvent(CaseEvent.SendInvite) }),
                    modifier = Modifier.fillMaxWidth(),
                )
            }
        },
        confirmButton = {
            TextButton(onClick = { onEvent(CaseEvent.SendInvite) }, enabled = !dialog.sending) {
                Text(stringResource(if (dialog.sending) R.string.case_working else R.string.invite_send))
            }
        },
        dismissButton = {
            TextButton(onClick = close, enabled = !dialog.sending) { Text(stringResource(R.string.cancel)) }
        },
    )
}
