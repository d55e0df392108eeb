package fr.innomed.android.features.directory

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.directory.Availability
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.ui.ErrorDialog
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.availabilityText
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.specialtyLabel

/**
 * "Mes disponibilités": the member's own absences and one-off permanences to come, as the core
 * gives them, each withdrawable; a dialog declares an absence (first and last day) or a permanence
 * (one of their specialties, a day, start and end). The core's refusal shows in the dialog, in
 * words, with what was typed kept.
 */
@Composable
fun AvailabilityView(state: AvailabilityState, onEvent: (AvailabilityEvent) -> Unit) {
    InnomedScreen(title = stringResource(R.string.availability_title)) {
        Box(Modifier.fillMaxSize()) {
            val availability = state.availability
            when {
                availability != null -> Entries(availability, state, onEvent)
                state.loading -> CircularProgressIndicator(Modifier.align(Alignment.Center))
                else -> Column(Modifier.padding(16.dp)) {
                    state.error?.let { Text(errorMessage(it.availabilityText()), color = MaterialTheme.colorScheme.error) }
                    TextButton(onClick = { onEvent(AvailabilityEvent.Retry) }) { Text(stringResource(R.string.retry)) }
                }
            }
        }
    }
    state.absenceDraft?.let { AbsenceEditor(it, state.saving, onEvent) }
    state.permanenceDraft?.let { PermanenceEditor(it, state, onEvent) }
    if (state.availability != null) ErrorDialog(state.error?.availabilityText()) { onEvent(AvailabilityEvent.DismissError) }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun Entries(availability: Availability, state: AvailabilityState, onEvent: (AvailabilityEvent) -> Unit) {
    LazyColumn(Modifier.padding(horizontal = 16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        item { Text(stringResource(R.string.availability_intro), style = MaterialTheme.typography.bodySmall) }
        item {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    Button(onClick = { onEvent(AvailabilityEvent.OpenAbsence) }, enabled = !state.saving) {
                        Text(stringResource(R.string.availability_add_absence))
                    }
                    if (state.canDeclarePermanence) {
                        OutlinedButton(onClick = { onEvent(AvailabilityEvent.OpenPermanence) }, enabled = !state.saving) {
                            Text(stringResource(R.string.availability_add_permanence))
                        }
                    }
                }
                if (!state.canDeclarePermanence) Text(stringResource(R.string.availability_no_specialty), style = MaterialTheme.typography.bodySmall)
            }
        }
        item { Text(stringResource(R.string.availability_absences), style = MaterialTheme.typography.titleMedium) }
        if (availability.absences.isEmpty()) item { Text(stringResource(R.string.availability_no_absence), style = MaterialTheme.typography.bodySmall) }
        items(availability.absences) { absence ->
            Line(absenceText(absence), null, !state.saving) { onEvent(AvailabilityEvent.RemoveAbsence(absence)) }
        }
        item { Text(stringResource(R.string.availability_permanences), style = MaterialTheme.typography.titleMedium) }
        if (availability.permanences.isEmpty()) item { Text(stringResource(R.string.availability_no_permanence), style = MaterialTheme.typography.bodySmall) }
        items(availability.permanences) { permanence ->
            val specialty = specialtyLabel(permanence.specialty, state.specialties) ?: permanence.specialty
            Line(permanenceText(permanence), specialty, !state.saving) { onEvent(AvailabilityEvent.RemovePermanence(permanence)) }
        }
    }
}

@Composable
private fun Line(text: String, detail: String?, enabled: Boolean, onWithdraw: () -> Unit) {
    Row(verticalAlignment = Alignment.CenterVertically) {
        Column(Modifier.weight(1f)) {
            Text(text)
            detail?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
        }
        TextButton(onClick = onWithdraw, enabled = enabled) { Text(stringResource(R.string.availability_withdraw)) }
    }
}

@Composable
private fun AbsenceEditor(draft: AbsenceDraft, saving: Boolean, onEvent: (AvailabilityEvent) -> Unit) {
    val change = { next: AbsenceDraft -> onEvent(AvailabilityEvent.AbsenceChanged(next)) }
    Editor(
        title = stringResource(R.string.availability_absence_title),
        error = draft.error,
        canSave = draft.canSave && !saving,
        saving = saving,
        onSave = { onEvent(AvailabilityEvent.SaveAbsence) },
        onEvent = onEvent,
    ) {
        DayField(draft.firstDay, R.string.availability_first_day) { change(draft.copy(firstDay = it)) }
        DayField(draft.lastDay, R.string.availability_last_day) { change(draft.copy(lastDay = it)) }
        Text(stringResource(R.string.availability_days_included), style = MaterialTheme.typography.bodySmall)
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun PermanenceEditor(draft: PermanenceDraft, state: AvailabilityState, onEvent: (AvailabilityEvent) -> Unit) {
    val change = { next: PermanenceDraft -> onEvent(AvailabilityEvent.PermanenceChanged(next)) }
    Editor(
        title = stringResource(R.string.availability_permanence_title),
        error = draft.error,
        canSave = draft.canSave && !state.saving,
        saving = state.saving,
        onSave = { onEvent(AvailabilityEvent.SavePermanence) },
        onEvent = onEvent,
    ) {
        Text(stringResource(R.string.rota_editor_specialty), style = MaterialTheme.typography.labelLarge)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            state.mySpecialties.forEach { code ->
                FilterChip(
                    selected = draft.specialty == code,
                    onClick = { change(draft.copy(specialty = code)) },
                    label = { Text(specialtyLabel(code, state.specialties) ?: code) },
                )
            }
        }
        DayField(draft.day, R.string.availability_day) { change(draft.copy(day = it)) }
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedTextField(draft.start, { change(draft.copy(start = it)) }, Modifier.weight(1f), label = { Text(stringResource(R.string.rota_editor_start)) }, singleLine = true)
            OutlinedTextField(draft.end, { change(draft.copy(end = it)) }, Modifier.weight(1f), label = { Text(stringResource(R.string.rota_editor_end)) }, singleLine = true)
        }
        if (draft.invalidTime) Text(stringResource(R.string.rota_editor_time_invalid), color = MaterialTheme.colorScheme.error)
    }
}

@Composable
private fun DayField(value: String, label: Int, onChange: (String) -> Unit) {
    OutlinedTextField(value, onChange, Modifier.fillMaxWidth(), label = { Text(stringResource(label)) }, singleLine = true)
}

/** A declaration's dialog: its fields, the core's refusal under them, save and cancel. */
@Composable
private fun Editor(
    title: String,
    error: DirectoryError?,
    canSave: Boolean,
    saving: Boolean,
    onSave: () -> Unit,
    onEvent: (AvailabilityEvent) -> Unit,
    fields: @Composable () -> Unit,
) {
    AlertDialog(
        onDismissRequest = { onEvent(AvailabilityEvent.CloseEditor) },
        title = { Text(title) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                fields()
                error?.let { Text(errorMessage(it.availabilityText()), color = MaterialTheme.colorScheme.error) }
            }
        },
        confirmButton = {
            Button(onClick = onSave, enabled = canSave) {
                Text(stringResource(if (saving) R.string.availability_saving else R.string.rota_save))
            }
        },
        dismissButton = { TextButton(onClick = { onEvent(AvailabilityEvent.CloseEditor) }) { Text(stringResource(R.string.cancel)) } },
    )
}
