package fr.innomed.android.features.directory

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.label
import fr.innomed.android.ui.routingText
import fr.innomed.android.ui.specialtyLabel
import fr.innomed.android.ui.text
import java.text.DateFormat
import java.util.Date

/**
 * The coordinator's follow-up of requests: the routing windows of each urgency (changed in a
 * dialog, in hours and minutes, the core's refusal said there), then the requests nobody took
 * within their window, newest first: code, specialty, urgency, who asked, whom it went to next
 * and when. A doctor who does not coordinate is told the screen is the coordinator's.
 */
@Composable
fun RoutingView(state: RoutingState, onEvent: (RoutingEvent) -> Unit) {
    InnomedScreen(
        title = stringResource(R.string.routing_title),
        actions = {
            if (state.isCoordinator == true && state.windows != null) {
                TextButton(onClick = { onEvent(RoutingEvent.OpenWindows) }, enabled = !state.saving) { Text(stringResource(R.string.routing_edit)) }
            }
        },
    ) {
        Box(Modifier.fillMaxSize()) {
            when {
                state.loading && state.isCoordinator == null -> CircularProgressIndicator(Modifier.align(Alignment.Center))
                state.isCoordinator == false -> Text(stringResource(R.string.routing_coordinator_only), Modifier.padding(16.dp))
                state.isCoordinator == null -> Column(Modifier.padding(16.dp)) {
                    state.coordinatorError?.let { Text(errorMessage(it.text())) }
                    Button(onClick = { onEvent(RoutingEvent.Retry) }) { Text(stringResource(R.string.retry)) }
                }
                else -> RoutingContent(state, onEvent)
            }
        }
    }
    state.draft?.let { WindowsDialog(it, state.saving, onEvent) }
}

@Composable
private fun RoutingContent(state: RoutingState, onEvent: (RoutingEvent) -> Unit) {
    LazyColumn(Modifier.padding(horizontal = 16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        state.error?.let { error ->
            item {
                Column {
                    Text(errorMessage(error.text()), color = MaterialTheme.colorScheme.error)
                    TextButton(onClick = { onEvent(RoutingEvent.Retry) }) { Text(stringResource(R.string.retry)) }
                }
            }
        }
        state.windows?.let { windows ->
            item { Heading(stringResource(R.string.routing_windows)) }
            item { Text(stringResource(R.string.routing_windows_note), style = MaterialTheme.typography.bodySmall) }
            item { WindowLine(Urgency.URGENT, windows.urgentMillis) }
            item { WindowLine(Urgency.SOON, windows.soonMillis) }
            item { WindowLine(Urgency.ROUTINE, windows.routineMillis) }
        }
        item { Heading(stringResource(R.string.routing_unanswered)) }
        if (state.unanswered.isEmpty()) {
            item { Text(stringResource(R.string.routing_unanswered_none), style = MaterialTheme.typography.bodySmall) }
        }
        items(state.unanswered, key = { it.request.roomId.value + it.request.atMillis }) { Unanswered(it, state) }
    }
}

@Composable
private fun Heading(title: String) {
    Text(title, style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.primary, modifier = Modifier.padding(top = 8.dp))
}

@Composable
private fun WindowLine(urgency: Urgency, millis: Long) {
    val draft = WindowDraft.of(millis)
    Text(stringResource(R.string.routing_window_line, stringResource(urgency.label()), draft.hours, draft.minutes.padStart(2, '0')))
}

@Composable
private fun Unanswered(line: UnansweredLine, state: RoutingState) {
    val request = line.request
    val at = Date(request.atMillis)
    val day = DateFormat.getDateInstance(DateFormat.SHORT).format(at)
    val time = DateFormat.getTimeInstance(DateFormat.SHORT).format(at)
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(2.dp)) {
            Text(request.code, style = MaterialTheme.typography.titleSmall)
            Text((specialtyLabel(request.specialty, state.specialties) ?: request.specialty) + " · " + stringResource(request.urgency.label()))
            Text(stringResource(R.string.routing_asked_by, line.requester), style = MaterialTheme.typography.bodySmall)
            val whom = if (line.next.isEmpty()) stringResource(R.string.next_step_coordinator_only) else line.next.joinToString(", ")
            Text(stringResource(R.string.routing_went_to, whom, day, time), style = MaterialTheme.typography.bodySmall)
        }
    }
}

@Composable
private fun WindowsDialog(draft: WindowsDraft, saving: Boolean, onEvent: (RoutingEvent) -> Unit) {
    val change = { next: WindowsDraft -> onEvent(RoutingEvent.DraftChanged(next)) }
    AlertDialog(
        onDismissRequest = { onEvent(RoutingEvent.CloseWindows) },
        title = { Text(stringResource(R.string.routing_windows)) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                WindowFields(Urgency.URGENT, draft.urgent) { change(draft.copy(urgent = it)) }
                WindowFields(Urgency.SOON, draft.soon) { change(draft.copy(soon = it)) }
                WindowFields(Urgency.ROUTINE, draft.routine) { change(draft.copy(routine = it)) }
                if (draft.invalid) Text(stringResource(R.string.routing_window_invalid), color = MaterialTheme.colorScheme.error)
                draft.error?.let { Text(errorMessage(it.routingText()), color = MaterialTheme.colorScheme.error) }
            }
        },
        confirmButton = {
            Button(onClick = { onEvent(RoutingEvent.SaveWindows) }, enabled = !saving) { Text(stringResource(R.string.routing_save)) }
        },
        dismissButton = { TextButton(onClick = { onEvent(RoutingEvent.CloseWindows) }) { Text(stringResource(R.string.cancel)) } },
    )
}

@Composable
private fun WindowFields(urgency: Urgency, window: WindowDraft, onChange: (WindowDraft) -> Unit) {
    Column {
        Text(stringResource(urgency.label()), style = MaterialTheme.typography.labelLarge)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedTextField(window.hours, { onChange(window.copy(hours = it)) }, Modifier.weight(1f), label = { Text(stringResource(R.string.routing_hours)) }, singleLine = true)
            OutlinedTextField(window.minutes, { onChange(window.copy(minutes = it)) }, Modifier.weight(1f), label = { Text(stringResource(R.string.routing_minutes)) }, singleLine = true)
        }
    }
}
