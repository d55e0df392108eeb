package fr.innomed.android.features.case

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
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.text

/**
 * Invites a colleague, found by name in the CPTS directory (one tap picks them) or typed by user
 * id for a colleague outside it; they will read the whole case, history included. Before it is
 * sent the colleague is shown, by name and full id: a typo or a namesake would share the case
 * with someone else. The keyboard's Send key only moves to that confirmation.
 */
@Composable
fun InviteColleagueDialog(dialog: InviteDialog, onEvent: (CaseEvent) -> Unit) {
    val close = { onEvent(CaseEvent.CloseInvite) }
    var confirming by rememberSaveable { mutableStateOf(false) }
    // A refused invitation goes back to the id, with its error.
    LaunchedEffect(dialog.error) { if (dialog.error != null) confirming = false }
    // An empty id is the presenter's to refuse (nothing is sent).
    val next: () -> Unit = {
        if (dialog.userId.isBlank()) onEvent(CaseEvent.SendInvite) else confirming = true
    }
    // Picking a colleague from the directory goes straight to the confirmation.
    LaunchedEffect(dialog.picked) { if (dialog.picked != null) confirming = true }
    AlertDialog(
        onDismissRequest = close,
        title = { Text(stringResource(R.string.case_invite)) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                if (confirming) {
                    Text(stringResource(R.string.invite_confirm))
                    dialog.picked?.let { Text(it.displayName, fontWeight = FontWeight.Bold) }
                    Text(dialog.userId.trim(), fontFamily = FontFamily.Monospace, fontWeight = if (dialog.picked == null) FontWeight.Bold else null)
                    Text(stringResource(R.string.invite_history_note))
                } else {
                    Text(stringResource(R.string.invite_history_note))
                    if (dialog.canSearch) DirectorySearch(dialog, onEvent)
                    IdField(dialog, onEvent, next)
                }
            }
        },
        confirmButton = {
            if (confirming) {
                TextButton(onClick = { onEvent(CaseEvent.SendInvite) }, enabled = !dialog.sending) {
                    Text(stringResource(if (dialog.sending) R.string.case_working else R.string.invite_send))
                }
            } else {
                TextButton(onClick = next) { Text(stringResource(R.string.invite_next)) }
            }
        },
        dismissButton = {
            // While confirming, Annuler goes back to the id; else it closes the dialog.
            TextButton(onClick = { if (confirming) { confirming = false } else close() }, enabled = !dialog.sending) {
                Text(stringResource(R.string.cancel))
            }
        },
    )
}

/** Colleagues of the CPTS directory by name; a tap picks one (who is in the case already is not offered). */
@Composable
private fun DirectorySearch(dialog: InviteDialog, onEvent: (CaseEvent) -> Unit) {
    OutlinedTextField(
        value = dialog.query,
        onValueChange = { onEvent(CaseEvent.InviteSearchChanged(it)) },
        label = { Text(stringResource(R.string.invite_search)) },
        singleLine = true,
        enabled = !dialog.sending,
        modifier = Modifier.fillMaxWidth(),
    )
    dialog.matches.take(MAX_MATCHES).forEach { entry ->
        TextButton(onClick = { onEvent(CaseEvent.InviteePicked(entry)) }, modifier = Modifier.fillMaxWidth()) {
            Text(entry.displayName, modifier = Modifier.fillMaxWidth())
        }
    }
    Text(stringResource(R.string.invite_or_id))
}

private const val MAX_MATCHES = 5

@Composable
private fun IdField(dialog: InviteDialog, onEvent: (CaseEvent) -> Unit, next: () -> Unit) {
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
        keyboardActions = KeyboardActions(onSend = { next() }),
        modifier = Modifier.fillMaxWidth(),
    )
}
