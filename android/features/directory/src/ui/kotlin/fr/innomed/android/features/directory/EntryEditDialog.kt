package fr.innomed.android.features.directory

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.label
import fr.innomed.android.ui.text

/**
 * The coordinator corrects a directory entry: the name, the specialties (from the fixed list),
 * retired or not. The RPPS number and the profession are shown, not editable. The core's refusal
 * shows under the fields, what was typed kept.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun EntryEditDialog(draft: EntryDraft, specialties: List<Specialty>, onEvent: (DirectoryEvent) -> Unit) {
    AlertDialog(
        onDismissRequest = { onEvent(DirectoryEvent.CancelEdit) },
        title = { Text(stringResource(R.string.directory_edit_title)) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedTextField(
                    value = draft.displayName,
                    onValueChange = { onEvent(DirectoryEvent.EditNameChanged(it)) },
                    label = { Text(stringResource(R.string.directory_edit_name)) },
                    singleLine = true,
                    modifier = Modifier.fillMaxWidth(),
                )
                Text(
                    stringResource(R.string.directory_rpps, draft.entry.rpps) + " · " + stringResource(draft.entry.profession.label()),
                    style = MaterialTheme.typography.bodyMedium,
                )
                Text(stringResource(R.string.directory_edit_fixed), style = MaterialTheme.typography.bodySmall)
                Text(stringResource(R.string.directory_edit_specialties), style = MaterialTheme.typography.labelLarge)
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    specialties.forEach { specialty ->
                        FilterChip(
                            selected = specialty.code in draft.specialties,
                            onClick = { onEvent(DirectoryEvent.EditSpecialtyToggled(specialty.code)) },
                            label = { Text(specialty.label()) },
                        )
                    }
                }
                Row(verticalAlignment = Alignment.CenterVertically) {
                    Checkbox(checked = draft.retired, onCheckedChange = { onEvent(DirectoryEvent.EditRetiredChanged(it)) })
                    Text(stringResource(R.string.directory_retired))
                }
                draft.error?.let { Text(errorMessage(it.text()), color = MaterialTheme.colorScheme.error) }
            }
        },
        confirmButton = {
            TextButton(onClick = { onEvent(DirectoryEvent.SaveEdit) }, enabled = draft.canSave) {
                Text(stringResource(if (draft.saving) R.string.directory_edit_saving else R.string.directory_edit_save))
            }
        },
        dismissButton = { TextButton(onClick = { onEvent(DirectoryEvent.CancelEdit) }) { Text(stringResource(R.string.cancel)) } },
    )
}
