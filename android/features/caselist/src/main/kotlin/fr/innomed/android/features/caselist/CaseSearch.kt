package fr.innomed.android.features.caselist

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.search.SearchError
import fr.innomed.android.api.search.SearchHit
import fr.innomed.android.api.search.SearchProgress
import fr.innomed.android.api.search.SearchService
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/** The search field of the case list and what the core found for it. */
data class CaseSearch(
    val query: String = "",
    /**
     * The core's results for the latest query it answered; null before any answer (and again
     * once the field is emptied). Kept while the next query waits, so the list does not flicker.
     */
    val hits: List<SearchHit>? = null,
    /** The core's refusal of the latest query it answered ([SearchError.NothingToSearch] is a hint). */
    val error: SearchError? = null,
    /** A query waits for the typing to pause, or for the core's answer. */
    val pending: Boolean = false,
    /** Where the index's first reading of the cases stands; null until the core says. */
    val progress: SearchProgress? = null,
) {
    /** A query is typed: the screen shows results instead of rows. */
    val active: Boolean get() = query.isNotBlank()

    /** The core is still reading cases into its index: results may miss some. */
    val indexing: Boolean get() = progress?.done == false
}

/**
 * Asks the core as the doctor types: once the typing pauses for [debounceMillis], the query
 * before it cancelled; an answer is kept only for the query still in the field. Follows the
 * index's progress for as long as the core reports it.
 */
internal class CaseSearchRunner(
    private val scope: CoroutineScope,
    private val search: SearchService,
    private val state: MutableStateFlow<CaseListState>,
    private val debounceMillis: Long,
) {
    private var job: Job? = null

    init {
        scope.launch {
            search.progress.collect { progress -> change { it.copy(progress = progress) } }
        }
    }

    fun query(text: String) {
        job?.cancel()
        if (text.isBlank()) {
            change { it.copy(query = text, hits = null, error = null, pending = false) }
            return
        }
        change { it.copy(query = text, pending = true) }
        job = scope.launch {
            delay(debounceMillis)
            val result = search.search(text)
            change {
                if (it.query != text) {
                    it
                } else {
                    when (result) {
                        is Outcome.Success -> it.copy(hits = result.value, error = null, pending = false)
                        is Outcome.Failure -> it.copy(hits = null, error = result.error, pending = false)
                    }
                }
            }
        }
    }

    private fun change(transform: (CaseSearch) -> CaseSearch) = state.update { it.copy(search = transform(it.search)) }
}
