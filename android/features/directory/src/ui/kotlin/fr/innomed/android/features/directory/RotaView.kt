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
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.directory.Weekday
import fr.innomed.android.ui.ErrorDialog
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.label
import fr.innomed.android.ui.specialtyLabel
import fr.innomed.android.ui.text

/**
 * The CPTS's duty rota by week: each day, who is on duty when and for what. The coordinator adds
 * a slot (a member, one of their specialties, a day, start and end) and removes one; everyone
 * else reads it. Above the week, the absences and one-off permanences members declared
 * themselves; each member declares their own from "Mes disponibilités" ([onAvailability]:
 * navigation).
 */
@Composable
fun RotaView(state: RotaState, onEvent: (RotaEvent) -> Unit, onAvailability: () -> Unit = {}) {
    InnomedScreen(
        title = stringResource(R.string.rota_title),
        actions = {
            if (state.rota != null) TextButton(onClick = onAvailability) { Text(stringResource(R.string.availability_open)) }
            if (state.canEdit) TextButton(onClick = { onEvent(RotaEvent.OpenEditor) }, enabled = !state.saving) { Text(stringResource(R.string.rota_add)) }
        },
    ) {
        Box(Modifier.fillMaxSize()) {
            if (state.loading && state.rota == null) {
                CircularProgressIndicator(Modifier.align(Alignment.Center))
            } else {
                LazyColumn(Modifier.padding(horizontal = 16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
                    if (state.rota != null && !state.canEdit) {
                        item { Text(stringResource(R.string.rota_read_only), style = MaterialTheme.typography.bodySmall) }
                    }
                    // What members declared comes first: it is dated, and an absence wins over the week.
                    if (state.declared.isNotEmpty()) {
                        item { Section(stringResource(R.string.rota_declared)) }
                        items(state.declared, key = { "declared-" + it.userId.value }) { Declared(it, state) }
                        item { Section(stringResource(R.string.rota_week)) }
                    }
                    items(state.week, key = { it.weekday }) { day -> DayBlock(day, state, onEvent) }
                }
            }
        }
    }
    state.draft?.let { SlotEditor(it, state, onEvent) }
    ErrorDialog(state.error?.text()) { onEvent(RotaEvent.DismissError) }
}

@Composable
private fun DayBlock(day: RotaDay, state: RotaState, onEvent: (RotaEvent) -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(2.dp)) {
        Text(stringResource(day.weekday.label()), style = MaterialTheme.typography.titleMedium)
        if (day.lines.isEmpty()) Text(stringResource(R.string.rota_empty_day), style = MaterialTheme.typography.bodySmall)
        day.lines.forEach { line ->
            Row(verticalAlignment = Alignment.CenterVertically) {
                val specialty = specialtyLabel(line.slot.specialty, state.specialties) ?: line.slot.specialty
                Text(
                    stringResource(R.string.rota_slot, formatTime(line.slot.startMinute), formatTime(line.slot.endMinute), line.name, specialty),
                    Modifier.weight(1f),
                )
                if (state.canEdit) {
                    TextButton(onClick = { onEvent(RotaEvent.RemoveSlot(line)) }, enabled = !state.saving) { Text(stringResource(R.string.rota_remove)) }
                }
            }
        }
    }
}

/** Above the week when members declared something: what they declared, then the week. */
@Composable
private fun Section(title: String) {
    Text(title, style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.primary)
}

/** A member's declared absences and permanences, soonest first, under their name. */
@Composable
private fun Declared(member: DeclaredAvailability, state: RotaState) {
    Column(verticalArrangement = Arrangement.spacedBy(2.dp)) {
        Text(member.name, style = MaterialTheme.typography.titleSmall)
        member.availability.absences.forEach { Text(absenceText(it)) }
        member.availability.permanences.forEach { permanence ->
            Text(permanenceText(permanence) + " · " + (specialtyLabel(permanence.specialty, state.specialties) ?: permanence.specialty))
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun SlotEditor(draft: SlotDraft, state: RotaState, onEvent: (RotaEvent) -> Unit) {
    val change = { next: SlotDraft -> onEvent(RotaEvent.DraftChanged(next)) }
    AlertDialog(
        onDismissRequest = { onEvent(RotaEvent.CloseEditor) },
        title = { Text(stringResource(R.string.rota_editor_title)) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(stringResource(R.string.rota_editor_member), style = MaterialTheme.typography.labelLarge)
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    state.assignable.forEach { member ->
                        FilterChip(selected = draft.member == member.userId, onClick = { change(draft.copy(member = member.userId)) }, label = { Text(member.displayName) })
                    }
                }
                if (state.draftSpecialties.size > 1) {
                    Text(stringResource(R.string.rota_editor_specialty), style = MaterialTheme.typography.labelLarge)
                    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                        state.draftSpecialties.forEach { code ->
                            FilterChip(
                                selected = draft.specialty == code,
                                onClick = { change(draft.copy(specialty = code)) },
                                label = { Text(specialtyLabel(code, state.specialties) ?: code) },
                            )
                        }
                    }
                }
                Text(stringResource(R.string.rota_editor_day), style = MaterialTheme.typography.labelLarge)
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    Weekday.entries.forEach { day ->
                        FilterChip(selected = draft.weekday == day, onClick = { change(draft.copy(weekday = day)) }, label = { Text(stringResource(day.label())) })
                    }
                }
                Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    OutlinedTextField(draft.start, { change(draft.copy(start = it)) }, Modifier.weight(1f), label = { Text(stringResource(R.string.rota_editor_start)) }, singleLine = true)
                    OutlinedTextField(draft.end, { change(draft.copy(end = it)) }, Modifier.weight(1f), label = { Text(stringResource(R.string.rota_editor_end)) }, singleLine = true)
                }
                if (draft.invalid) Text(stringResource(R.string.rota_editor_time_invalid), color = MaterialTheme.colorScheme.error)
            }
        },
        confirmButton = {
            Button(onClick = { onEvent(RotaEvent.SaveSlot) }, enabled = !state.saving) { Text(stringResource(R.string.rota_save)) }
        },
        dismissButton = { TextButton(onClick = { onEvent(RotaEvent.CloseEditor) }) { Text(stringResource(R.string.cancel)) } },
    )
}
