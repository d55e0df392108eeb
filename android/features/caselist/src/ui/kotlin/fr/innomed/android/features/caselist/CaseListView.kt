package fr.innomed.android.features.caselist

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Badge
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.ExtendedFloatingActionButton
import androidx.compose.material3.ListItem
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.pluralStringResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.CaseSummary
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.ui.DeadlineChip
import fr.innomed.android.ui.ErrorDialog
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.briefPatient
import fr.innomed.android.ui.label
import fr.innomed.android.ui.specialtyLabel
import fr.innomed.android.ui.text
import java.text.DateFormat
import java.util.Date

@Composable
fun CaseListView(
    state: CaseListState,
    onEvent: (CaseListEvent) -> Unit,
    specialties: List<Specialty>,
    onOpen: (RoomId) -> Unit,
    onNewRequest: () -> Unit,
    onDirectory: () -> Unit,
    onSettings: () -> Unit,
    onColleagueCase: () -> Unit,
) {
    InnomedScreen(
        title = stringResource(R.string.cases_title),
        actions = {
            TextButton(onClick = onDirectory) { Text(stringResource(R.string.directory_title)) }
            TextButton(onClick = onSettings) { Text(stringResource(R.string.settings_title)) }
        },
    ) {
        CaseSearchField(state.search.query, onEvent)
        // While a query is typed, what the core found replaces the rows.
        if (state.search.active) {
            CaseSearchResults(state.search, onOpen)
        } else {
            CaseRows(state, onEvent, specialties, onOpen, onNewRequest, onColleagueCase)
        }
    }
    ErrorDialog(state.error?.text()) { onEvent(CaseListEvent.DismissError) }
}

@Composable
private fun CaseRows(
    state: CaseListState,
    onEvent: (CaseListEvent) -> Unit,
    specialties: List<Specialty>,
    onOpen: (RoomId) -> Unit,
    onNewRequest: () -> Unit,
    onColleagueCase: () -> Unit,
) {
    if (!state.loading && (state.rows.isNotEmpty() || state.archived.isNotEmpty())) CaseFilterChips(state, onEvent)
    Box(Modifier.fillMaxSize()) {
        when {
            state.loading -> CircularProgressIndicator(Modifier.align(Alignment.Center))
            state.filter == CaseFilter.ARCHIVED -> LazyColumn(contentPadding = ABOVE_BUTTONS) {
                item { ArchiveOld(state, onEvent) }
                if (state.shown.isEmpty()) item { Text(stringResource(R.string.cases_archive_empty), Modifier.padding(16.dp)) }
                items(state.shown, key = { it.roomId.value }) { row ->
                    CaseRowItem(row, specialties, row.roomId in state.pending, onEvent, onOpen)
                }
            }
            state.rows.isEmpty() -> Text(stringResource(R.string.cases_empty), Modifier.align(Alignment.Center))
            state.shown.isEmpty() -> Text(stringResource(R.string.cases_filter_empty), Modifier.align(Alignment.Center))
            else -> LazyColumn(contentPadding = ABOVE_BUTTONS) {
                items(state.shown, key = { it.roomId.value }) { row ->
                    CaseRowItem(row, specialties, row.roomId in state.pending, onEvent, onOpen)
                }
            }
        }
        // A télé-expertise request through the CPTS, or a case between colleagues without one.
        Column(
            Modifier.align(Alignment.BottomEnd),
            horizontalAlignment = Alignment.End,
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            ExtendedFloatingActionButton(onClick = onColleagueCase) { Text(stringResource(R.string.cases_new_colleague_case)) }
            ExtendedFloatingActionButton(onClick = onNewRequest) { Text(stringResource(R.string.cases_new_request)) }
        }
    }
}

/** Room under the last row, so that it scrolls clear of the two buttons at the bottom. */
private val ABOVE_BUTTONS = PaddingValues(bottom = 160.dp)

/** At the top of the archive: the closed cases idle for 30 days put away at once, and how many were. */
@Composable
private fun ArchiveOld(state: CaseListState, onEvent: (CaseListEvent) -> Unit) {
    val days = CaseListPresenter.ARCHIVE_AFTER_DAYS
    Column(Modifier.padding(horizontal = 16.dp, vertical = 8.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        OutlinedButton(onClick = { onEvent(CaseListEvent.ArchiveOld) }, enabled = !state.archivingOld) {
            Text(stringResource(R.string.cases_archive_old, days))
        }
        state.archivedOld?.let { count ->
            Text(if (count == 0) stringResource(R.string.cases_archived_none, days) else pluralStringResource(R.plurals.cases_archived_old, count, count))
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun CaseRowItem(
    row: CaseSummary,
    specialties: List<Specialty>,
    pending: Boolean,
    onEvent: (CaseListEvent) -> Unit,
    onOpen: (RoomId) -> Unit,
) {
    val brief = row.brief
    ListItem(
        // An invitation to a request opens its screen: the brief, then take or decline.
        modifier = Modifier.clickable(enabled = !row.isInvitation || row.isRequest) { onOpen(row.roomId) },
        headlineContent = { Text(row.code) },
        supportingContent = {
            Column(verticalArrangement = Arrangement.spacedBy(2.dp)) {
                // Wraps on a narrow phone rather than squeezing a word into a column.
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    row.status?.let { Text(stringResource(it.label())) }
                    specialtyLabel(brief?.specialty ?: row.specialty, specialties)?.let { Text(it) }
                    Text(stringResource((brief?.urgency ?: row.urgency).label()))
                    (brief?.dueAtMillis ?: row.dueAtMillis)?.let {
                        Text(stringResource(R.string.cases_due, DateFormat.getDateInstance(DateFormat.SHORT).format(Date(it))))
                    }
                    if (row.muted) Text(stringResource(R.string.case_muted))
                }
                // What a routed specialist decides on: no patient label, none is sent before the take.
                if (brief != null) {
                    Text(briefPatient(brief))
                    Text(stringResource(R.string.brief_question, brief.question), maxLines = 3, overflow = TextOverflow.Ellipsis)
                }
                // Under the row, full width: the buttons never squeeze what the invitation says.
                // A routed request is taken or declined on its screen, where the core says which.
                if (row.isInvitation) {
                    Row(Modifier.padding(top = 4.dp), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                        if (row.isRequest) {
                            Button(onClick = { onOpen(row.roomId) }) { Text(stringResource(R.string.cases_see_request)) }
                        } else {
                            Button(onClick = { onEvent(CaseListEvent.Accept(row.roomId)) }, enabled = !pending) {
                                Text(stringResource(R.string.action_accept))
                            }
                            OutlinedButton(onClick = { onEvent(CaseListEvent.Decline(row.roomId)) }, enabled = !pending) {
                                Text(stringResource(R.string.action_decline))
                            }
                        }
                    }
                } else if (row.archived) {
                    // In the archive, as the core lists it: back into the list.
                    OutlinedButton(onClick = { onEvent(CaseListEvent.Restore(row.roomId)) }, enabled = !pending, modifier = Modifier.padding(top = 4.dp)) {
                        Text(stringResource(R.string.cases_restore))
                    }
                } else if (row.status == CaseStatus.CLOSED) {
                    // Only a closed case goes to the archive (the core refuses any other).
                    OutlinedButton(onClick = { onEvent(CaseListEvent.Archive(row.roomId)) }, enabled = !pending, modifier = Modifier.padding(top = 4.dp)) {
                        Text(stringResource(R.string.cases_archive))
                    }
                }
            }
        },
        overlineContent = if (row.isInvitation) {
            { Text(stringResource(R.string.cases_invitation, row.inviterName ?: row.inviter?.value.orEmpty())) }
        } else {
            null
        },
        trailingContent = if (row.isInvitation) {
            null
        } else {
            {
                Row(horizontalArrangement = Arrangement.spacedBy(4.dp), verticalAlignment = Alignment.CenterVertically) {
                    DeadlineChip(row.deadline)
                    if (row.unread > 0) Badge { Text(row.unread.toString()) }
                }
            }
        },
    )
}
