package fr.innomed.android.features.caselist

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.ui.text.withStyle
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.search.SearchError
import fr.innomed.android.api.search.SearchHit
import fr.innomed.android.api.search.SnippetPart
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.label
import fr.innomed.android.ui.text
import java.text.DateFormat
import java.util.Date

/** The search field above the list; "Effacer" empties it and the rows come back. */
@Composable
internal fun CaseSearchField(query: String, onEvent: (CaseListEvent) -> Unit) {
    OutlinedTextField(
        value = query,
        onValueChange = { onEvent(CaseListEvent.Query(it)) },
        placeholder = { Text(stringResource(R.string.cases_search)) },
        singleLine = true,
        trailingIcon = if (query.isEmpty()) {
            null
        } else {
            { TextButton(onClick = { onEvent(CaseListEvent.Query("")) }) { Text(stringResource(R.string.cases_search_clear)) } }
        },
        modifier = Modifier.fillMaxWidth().padding(horizontal = 16.dp, vertical = 8.dp),
    )
}

/**
 * What the core found, best first, in place of the rows: where the words were found, the case's
 * code, the date and the text around them, the matched words in bold. A tap opens the case.
 * While the core still reads cases into its index, how far it got; nothing to search for is a
 * hint, the other refusals said in words.
 */
@Composable
internal fun CaseSearchResults(search: CaseSearch, onOpen: (RoomId) -> Unit) {
    Column {
        search.progress?.takeIf { !it.done }?.let {
            Text(
                stringResource(R.string.cases_search_indexing, it.indexedCases, it.totalCases),
                style = MaterialTheme.typography.bodySmall,
                modifier = Modifier.padding(horizontal = 16.dp, vertical = 4.dp),
            )
        }
        if (search.pending) LinearProgressIndicator(Modifier.fillMaxWidth().padding(horizontal = 16.dp))
        val error = search.error
        val hits = search.hits
        when {
            error != null -> Text(
                errorMessage(error.text()),
                color = if (error == SearchError.NothingToSearch) MaterialTheme.colorScheme.onSurfaceVariant else MaterialTheme.colorScheme.error,
                modifier = Modifier.padding(16.dp),
            )
            hits == null -> Unit
            hits.isEmpty() -> Text(stringResource(R.string.cases_search_none), Modifier.padding(16.dp))
            else -> LazyColumn {
                items(hits) { hit -> HitItem(hit, onOpen) }
            }
        }
    }
}

@Composable
private fun HitItem(hit: SearchHit, onOpen: (RoomId) -> Unit) {
    ListItem(
        modifier = Modifier.clickable { onOpen(hit.roomId) },
        // "Avis · 23/11/2026": where the words were found, and when; the snippet gets the full width.
        overlineContent = {
            Text(stringResource(R.string.cases_search_where, stringResource(hit.kind.label()), DateFormat.getDateInstance(DateFormat.SHORT).format(Date(hit.timestampMillis))))
        },
        headlineContent = { Text(hit.code) },
        supportingContent = { Text(hit.snippet.highlighted(), maxLines = 3, overflow = TextOverflow.Ellipsis) },
    )
}

/** The snippet as the core cut it, the words it matched in bold. */
internal fun List<SnippetPart>.highlighted(): AnnotatedString = buildAnnotatedString {
    this@highlighted.forEach { part ->
        if (part.matched) withStyle(SpanStyle(fontWeight = FontWeight.Bold)) { append(part.text) } else append(part.text)
    }
}
