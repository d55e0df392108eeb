package fr.innomed.android.test

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.search.SearchError
import fr.innomed.android.api.search.SearchHit
import fr.innomed.android.api.search.SearchProgress
import fr.innomed.android.api.search.SearchService
import kotlinx.coroutines.flow.MutableStateFlow

/**
 * Results scripted by query and recorded; the index's progress in memory ([indexing]), by
 * default every case read.
 */
class FakeSearchService : SearchService {
    val queries = Calls<String>()

    var searchResult: suspend (String) -> Outcome<List<SearchHit>, SearchError> = { notScripted("search") }

    val indexing = MutableStateFlow(SearchProgress(indexedCases = 0, totalCases = 0, done = true))
    override val progress = indexing

    /** Recorded when asked, so a search cancelled by the next keystroke is seen too. */
    override suspend fun search(query: String): Outcome<List<SearchHit>, SearchError> {
        queries.add(query)
        return searchResult(query)
    }
}
