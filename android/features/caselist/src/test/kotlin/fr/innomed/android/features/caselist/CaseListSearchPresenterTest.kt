package fr.innomed.android.features.caselist

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.search.HitKind
import fr.innomed.android.api.search.SearchError
import fr.innomed.android.api.search.SearchHit
import fr.innomed.android.api.search.SearchProgress
import fr.innomed.android.api.search.SnippetPart
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeSearchService
import fr.innomed.android.test.row
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.advanceTimeBy
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The search field of the case list: what the core is asked, when, and what the screen keeps of its answer. */
class CaseListSearchPresenterTest {
    private val cases = FakeCaseService().apply { rows.value = listOf(row("a"), row("b")) }
    private val search = FakeSearchService()

    private fun hit(code: String, kind: HitKind = HitKind.MESSAGE, vararg parts: Pair<String, Boolean>) = SearchHit(
        roomId = RoomId("!$code:cpts.test"),
        code = code,
        eventId = if (kind == HitKind.CASE) null else EventId("\$$code"),
        kind = kind,
        sender = DERM,
        timestampMillis = 1_700_000_000_000,
        snippet = parts.map { (text, matched) -> SnippetPart(text, matched) },
    )

    private val naevus = listOf(
        hit("IM-a", HitKind.HEADER, "Lésion pigmentée, " to false, "nævus" to true, " atypique" to false),
        hit("IM-b", HitKind.ADVICE, "Surveillance du " to false, "nævus" to true),
    )

    @Test
    fun `the core is asked once the typing pauses, for the last query only, and its results replace the rows`() = runTest {
        search.searchResult = { Outcome.Success(if (it == "nævus") naevus else emptyList()) }
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        runCurrent()

        presenter.onEvent(CaseListEvent.Query("næ"))
        advanceTimeBy(100)
        presenter.onEvent(CaseListEvent.Query("nævus"))
        with(presenter.state.value.search) {
            assertEquals("nævus", query)
            assertTrue(active, "a query is typed: results instead of rows")
            assertTrue(pending)
            assertNull(hits)
        }
        advanceTimeBy(CaseListPresenter.SEARCH_DEBOUNCE_MILLIS - 1)
        runCurrent()
        assertEquals(emptyList<String>(), search.queries.all, "nothing asked while the doctor types")

        advanceTimeBy(2)
        runCurrent()
        assertEquals(listOf("nævus"), search.queries.all, "one search, for the last query")
        with(presenter.state.value.search) {
            assertEquals(naevus, hits, "the core's results, in its order, the matched words as it marked them")
            assertFalse(pending)
            assertNull(error)
        }
        assertEquals(2, presenter.state.value.rows.size, "the rows are kept for when the field is emptied")
    }

    @Test
    fun `a query the doctor typed past is cancelled, and a late answer to it is never shown`() = runTest {
        val first = CompletableDeferred<Outcome<List<SearchHit>, SearchError>>()
        search.searchResult = { if (it == "exérèse") first.await() else Outcome.Success(naevus.take(1)) }
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        runCurrent()

        presenter.onEvent(CaseListEvent.Query("exérèse"))
        advanceTimeBy(CaseListPresenter.SEARCH_DEBOUNCE_MILLIS + 1)
        runCurrent()
        assertEquals(listOf("exérèse"), search.queries.all)
        assertTrue(presenter.state.value.search.pending, "the core has not answered yet")

        presenter.onEvent(CaseListEvent.Query("exérèse nævus"))
        advanceTimeBy(CaseListPresenter.SEARCH_DEBOUNCE_MILLIS + 1)
        runCurrent()
        first.complete(Outcome.Success(naevus))
        runCurrent()
        assertEquals(listOf("exérèse", "exérèse nævus"), search.queries.all)
        assertEquals(naevus.take(1), presenter.state.value.search.hits)
    }

    @Test
    fun `while the next query waits the last results stay, then the new ones replace them`() = runTest {
        search.searchResult = { Outcome.Success(if (it == "nævus") naevus else naevus.takeLast(1)) }
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        presenter.onEvent(CaseListEvent.Query("nævus"))
        advanceTimeBy(CaseListPresenter.SEARCH_DEBOUNCE_MILLIS + 1)
        runCurrent()

        presenter.onEvent(CaseListEvent.Query("nævus surveillance"))
        assertEquals(naevus, presenter.state.value.search.hits, "no flicker while the doctor types")
        assertTrue(presenter.state.value.search.pending)
        advanceTimeBy(CaseListPresenter.SEARCH_DEBOUNCE_MILLIS + 1)
        runCurrent()
        assertEquals(naevus.takeLast(1), presenter.state.value.search.hits)
    }

    @Test
    fun `emptying the field brings the rows back and asks nothing`() = runTest {
        search.searchResult = { Outcome.Success(naevus) }
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        presenter.onEvent(CaseListEvent.Query("nævus"))
        advanceTimeBy(CaseListPresenter.SEARCH_DEBOUNCE_MILLIS + 1)
        runCurrent()

        presenter.onEvent(CaseListEvent.Query("n"))
        presenter.onEvent(CaseListEvent.Query(""))
        advanceTimeBy(CaseListPresenter.SEARCH_DEBOUNCE_MILLIS * 2)
        runCurrent()
        assertEquals(listOf("nævus"), search.queries.all, "a query emptied before the pause is never asked")
        with(presenter.state.value.search) {
            assertFalse(active)
            assertFalse(pending)
            assertNull(hits)
            assertNull(error)
        }
        // Spaces only: nothing to show results for, and nothing asked either.
        presenter.onEvent(CaseListEvent.Query("   "))
        advanceTimeBy(CaseListPresenter.SEARCH_DEBOUNCE_MILLIS * 2)
        runCurrent()
        assertEquals(1, search.queries.all.size)
        assertFalse(presenter.state.value.search.active)
    }

    @Test
    fun `the core's refusals keep their kinds, nothing to search for among them, and no dialog`() = runTest {
        search.searchResult = {
            when (it) {
                "le" -> Outcome.Failure(SearchError.NothingToSearch)
                "x".repeat(300) -> Outcome.Failure(SearchError.QueryTooLong)
                else -> Outcome.Failure(SearchError.Store)
            }
        }
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        for ((query, error) in listOf("le" to SearchError.NothingToSearch, "x".repeat(300) to SearchError.QueryTooLong, "nævus" to SearchError.Store)) {
            presenter.onEvent(CaseListEvent.Query(query))
            advanceTimeBy(CaseListPresenter.SEARCH_DEBOUNCE_MILLIS + 1)
            runCurrent()
            with(presenter.state.value) {
                assertEquals(error, search.error, query)
                assertNull(search.hits)
                assertFalse(search.pending)
                assertNull(this.error, "the list's error dialog stays shut")
            }
        }
        // A word the core finds next clears the refusal.
        search.searchResult = { Outcome.Success(naevus) }
        presenter.onEvent(CaseListEvent.Query("nævus atypique"))
        advanceTimeBy(CaseListPresenter.SEARCH_DEBOUNCE_MILLIS + 1)
        runCurrent()
        assertNull(presenter.state.value.search.error)
        assertEquals(naevus, presenter.state.value.search.hits)
    }

    @Test
    fun `the index's first reading shows how far it got, until the core says it is done`() = runTest {
        search.indexing.value = SearchProgress(indexedCases = 12, totalCases = 40, done = false)
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        runCurrent()
        assertEquals(SearchProgress(12, 40, done = false), presenter.state.value.search.progress)
        assertTrue(presenter.state.value.search.indexing)

        search.indexing.value = SearchProgress(indexedCases = 40, totalCases = 40, done = true)
        runCurrent()
        assertFalse(presenter.state.value.search.indexing)
    }
}
