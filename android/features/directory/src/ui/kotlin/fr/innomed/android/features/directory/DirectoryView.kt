package fr.innomed.android.features.directory

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.label
import fr.innomed.android.ui.specialtyLabel
import fr.innomed.android.ui.text

/**
 * The CPTS directory and who is on duty now. Picking a member shows their professional card. A
 * doctor in no CPTS (the core's error) is offered to ask to join one ([onJoinCpts]: navigation);
 * the others open the duty rota by week ([onRota]). The coordinator (as the core says) corrects
 * an entry from its card ([EntryEditDialog]), opens a care team ([onCareTeam]) and follows the
 * requests nobody took and the routing windows ([onRouting]). Every member of a CPTS reads its
 * partner CPTS ([onPartners]), which the coordinator declares there.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun DirectoryView(
    state: DirectoryState,
    onEvent: (DirectoryEvent) -> Unit,
    onJoinCpts: () -> Unit,
    onRota: () -> Unit = {},
    onCareTeam: () -> Unit = {},
    onRouting: () -> Unit = {},
    onPartners: () -> Unit = {},
) {
    InnomedScreen(
        title = stringResource(R.string.directory_title),
        actions = {
            if (state.isCoordinator) TextButton(onClick = onCareTeam) { Text(stringResource(R.string.care_team_open)) }
            if (state.error != DirectoryError.NoCpts) TextButton(onClick = onRota) { Text(stringResource(R.string.rota_open)) }
        },
    ) {
        OutlinedTextField(
            value = state.query,
            onValueChange = { onEvent(DirectoryEvent.QueryChanged(it)) },
            label = { Text(stringResource(R.string.directory_search)) },
            singleLine = true,
            modifier = Modifier.fillMaxWidth().padding(16.dp),
        )
        FlowRow(Modifier.padding(horizontal = 16.dp), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            FilterChip(
                selected = state.specialty == null,
                onClick = { onEvent(DirectoryEvent.SpecialtySelected(null)) },
                label = { Text(stringResource(R.string.directory_all)) },
            )
            state.specialties.forEach { specialty ->
                FilterChip(
                    selected = state.specialty == specialty.code,
                    onClick = { onEvent(DirectoryEvent.SpecialtySelected(specialty.code)) },
                    label = { Text(specialty.label()) },
                )
            }
        }
        // The coordinator's follow-up of requests, and the partner CPTS every member reads (beside
        // the title bar's actions, which are full).
        if (state.isCoordinator || state.error != DirectoryError.NoCpts) {
            FlowRow(Modifier.padding(horizontal = 8.dp)) {
                if (state.isCoordinator) TextButton(onClick = onRouting) { Text(stringResource(R.string.routing_open)) }
                if (state.error != DirectoryError.NoCpts) TextButton(onClick = onPartners) { Text(stringResource(R.string.partners_open)) }
            }
        }
        state.error?.let { error ->
            Text(errorMessage(error.text()), color = MaterialTheme.colorScheme.error, modifier = Modifier.padding(16.dp))
            TextButton(onClick = { onEvent(DirectoryEvent.Retry) }) { Text(stringResource(R.string.retry)) }
            if (error == DirectoryError.NoCpts) {
                Button(onClick = onJoinCpts, modifier = Modifier.padding(horizontal = 16.dp)) {
                    Text(stringResource(R.string.membership_join_or_create))
                }
            }
        }
        state.edited?.let { Text(stringResource(R.string.directory_edited, it.displayName), Modifier.padding(horizontal = 16.dp, vertical = 8.dp)) }
        LazyColumn {
            if (state.specialty != null) {
                item { Text(stringResource(R.string.directory_on_duty), style = MaterialTheme.typography.titleSmall, modifier = Modifier.padding(16.dp)) }
                if (state.nobodyOnDuty) item { Text(stringResource(R.string.directory_nobody_on_duty), Modifier.padding(horizontal = 16.dp)) }
                items(state.onDuty, key = { "duty-" + it.userId.value }) { Member(it, state, onEvent) }
                item { Text(stringResource(R.string.directory_members), style = MaterialTheme.typography.titleSmall, modifier = Modifier.padding(16.dp)) }
            }
            items(state.results, key = { it.userId.value }) { Member(it, state, onEvent) }
        }
    }
    state.picked?.let { MemberCard(it, state, onEvent) }
    state.edit?.let { EntryEditDialog(it, state.specialties, onEvent) }
}

@Composable
private fun Member(entry: MemberEntry, state: DirectoryState, onEvent: (DirectoryEvent) -> Unit) {
    ListItem(
        modifier = Modifier.clickable { onEvent(DirectoryEvent.Pick(entry)) },
        headlineContent = { Text(entry.displayName) },
        supportingContent = { Text(entry.specialties.mapNotNull { specialtyLabel(it, state.specialties) }.joinToString()) },
        trailingContent = if (entry.retired) {
            { Text(stringResource(R.string.directory_retired)) }
        } else {
            null
        },
    )
}

/** A member's professional card; the coordinator may correct the entry from it. */
@Composable
private fun MemberCard(entry: MemberEntry, state: DirectoryState, onEvent: (DirectoryEvent) -> Unit) {
    val onDismiss = { onEvent(DirectoryEvent.PickHandled) }
    AlertDialog(
        onDismissRequest = onDismiss,
        confirmButton = { TextButton(onClick = onDismiss) { Text(stringResource(R.string.ok)) } },
        dismissButton = if (state.isCoordinator) {
            { TextButton(onClick = { onEvent(DirectoryEvent.StartEdit(entry)) }) { Text(stringResource(R.string.directory_edit)) } }
        } else {
            null
        },
        title = { Text(entry.displayName) },
        text = {
            Text(
                listOf(
                    entry.userId.value,
                    stringResource(R.string.directory_rpps, entry.rpps),
                    entry.specialties.mapNotNull { specialtyLabel(it, state.specialties) }.joinToString(),
                ).joinToString("\n"),
            )
        },
    )
}
