package fr.innomed.android.features.caselist

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.lazy.LazyRow
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.material3.FilterChip
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.snapshotFlow
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.ui.R
import kotlinx.coroutines.flow.first

/**
 * Tous · À traiter (n) · Mes demandes (n) · Échéance proche (n) · En retard (n) · En sourdine (n)
 * · Archivés (n): the core's flags, counted on the doctor's rows; one line that scrolls sideways
 * on a narrow phone, the chip picked brought into view.
 */
@Composable
internal fun CaseFilterChips(state: CaseListState, onEvent: (CaseListEvent) -> Unit) {
    val chips = rememberLazyListState()
    LaunchedEffect(state.filter) {
        val index = state.filter.ordinal
        val layout = snapshotFlow { chips.layoutInfo }.first { it.visibleItemsInfo.isNotEmpty() }
        val chip = layout.visibleItemsInfo.firstOrNull { it.index == index }
        if (chip == null || chip.offset < 0 || chip.offset + chip.size > layout.viewportEndOffset - layout.afterContentPadding) {
            chips.scrollToItem(index)
        }
    }
    LazyRow(
        state = chips,
        contentPadding = PaddingValues(horizontal = 16.dp),
        horizontalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        items(CaseFilter.entries) { filter ->
            FilterChip(
                selected = state.filter == filter,
                onClick = { onEvent(CaseListEvent.Filter(filter)) },
                label = { Text(filter.label(state.count(filter))) },
            )
        }
    }
}

@Composable
private fun CaseFilter.label(count: Int): String = when (this) {
    CaseFilter.ALL -> stringResource(R.string.cases_filter_all)
    CaseFilter.WAITING_FOR_ME -> stringResource(R.string.cases_filter_waiting, count)
    CaseFilter.ASKED_BY_ME -> stringResource(R.string.cases_filter_mine, count)
    CaseFilter.DUE_SOON -> stringResource(R.string.cases_filter_due_soon, count)
    CaseFilter.OVERDUE -> stringResource(R.string.cases_filter_overdue, count)
    CaseFilter.MUTED -> stringResource(R.string.cases_filter_muted, count)
    CaseFilter.ARCHIVED -> stringResource(R.string.cases_filter_archived, count)
}
