package fr.innomed.android.features.caselist

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeSearchService
import fr.innomed.android.test.row
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The archive: the core's own list under its chip, archiving and restoring a case, archiving the old ones at once. */
class CaseListArchivePresenterTest {
    private val cases = FakeCaseService()
    private val search = FakeSearchService()
    private val closed = row("closed", status = CaseStatus.CLOSED)
    private val put = row("put-away", status = CaseStatus.CLOSED, archived = true)

    @Test
    fun `the archive is the core's list, live and counted on its chip, apart from the rows`() = runTest {
        cases.rows.value = listOf(row("open"), closed)
        cases.archivedRows.value = listOf(put, row("older", status = CaseStatus.CLOSED, archived = true))
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        runCurrent()
        assertEquals(2, presenter.state.value.count(CaseFilter.ARCHIVED))
        assertEquals(listOf("IM-open", "IM-closed"), presenter.state.value.shown.map { it.code }, "the list has no archived case")

        presenter.onEvent(CaseListEvent.Filter(CaseFilter.ARCHIVED))
        assertEquals(listOf("IM-older", "IM-put-away"), presenter.state.value.shown.map { it.code })

        // A newer message brought a case back: the core's archive no longer lists it.
        cases.archivedRows.value = listOf(put)
        runCurrent()
        assertEquals(listOf("IM-put-away"), presenter.state.value.shown.map { it.code })
        assertEquals(1, presenter.state.value.count(CaseFilter.ARCHIVED))
    }

    @Test
    fun `archiving a closed case asks the core once per tap, and its refusal shows its kind`() = runTest {
        cases.rows.value = listOf(closed)
        val answer = CompletableDeferred<Outcome<Unit, CaseError>>()
        cases.archiveResult = { answer.await() }
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        runCurrent()

        presenter.onEvent(CaseListEvent.Archive(closed.roomId))
        presenter.onEvent(CaseListEvent.Archive(closed.roomId))
        runCurrent()
        assertEquals(setOf(closed.roomId), presenter.state.value.pending)
        answer.complete(Outcome.Failure(CaseError.NotClosed))
        runCurrent()
        assertEquals(listOf(closed.roomId), cases.archived.all, "one call for a double tap")
        assertEquals(CaseError.NotClosed, presenter.state.value.error)
        assertTrue(presenter.state.value.pending.isEmpty())
        assertNull(presenter.state.value.openedCase, "archiving opens nothing")

        presenter.onEvent(CaseListEvent.DismissError)
        cases.archiveResult = { Outcome.Done }
        presenter.onEvent(CaseListEvent.Archive(closed.roomId))
        runCurrent()
        assertEquals(2, cases.archived.all.size)
        assertNull(presenter.state.value.error)
    }

    @Test
    fun `restoring brings a case back through the core, a refusal said in its kind`() = runTest {
        cases.archivedRows.value = listOf(put)
        cases.restoreResult = { Outcome.Done }
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        presenter.onEvent(CaseListEvent.Filter(CaseFilter.ARCHIVED))
        runCurrent()

        presenter.onEvent(CaseListEvent.Restore(put.roomId))
        runCurrent()
        assertEquals(listOf(put.roomId), cases.restored.all)
        assertNull(presenter.state.value.error)

        cases.restoreResult = { Outcome.Failure(CaseError.HomeserverUnreachable) }
        presenter.onEvent(CaseListEvent.Restore(put.roomId))
        runCurrent()
        assertEquals(CaseError.HomeserverUnreachable, presenter.state.value.error)
    }

    @Test
    fun `archiving the cases closed for 30 days reports how many the core archived, once at a time`() = runTest {
        val answer = CompletableDeferred<Outcome<Int, CaseError>>()
        cases.archiveOldResult = { answer.await() }
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        presenter.onEvent(CaseListEvent.Filter(CaseFilter.ARCHIVED))
        runCurrent()

        presenter.onEvent(CaseListEvent.ArchiveOld)
        presenter.onEvent(CaseListEvent.ArchiveOld)
        runCurrent()
        assertTrue(presenter.state.value.archivingOld)
        answer.complete(Outcome.Success(3))
        runCurrent()
        assertEquals(listOf(CaseListPresenter.ARCHIVE_AFTER_DAYS), cases.archivedOlderThan.all, "one call, for 30 days")
        assertEquals(30, CaseListPresenter.ARCHIVE_AFTER_DAYS)
        with(presenter.state.value) {
            assertFalse(archivingOld)
            assertEquals(3, archivedOld)
            assertNull(error)
        }

        // Another chip: the report is gone; back in the archive, none yet.
        presenter.onEvent(CaseListEvent.Filter(CaseFilter.ALL))
        assertNull(presenter.state.value.archivedOld)

        cases.archiveOldResult = { Outcome.Failure(CaseError.HomeserverUnreachable) }
        presenter.onEvent(CaseListEvent.ArchiveOld)
        runCurrent()
        assertEquals(CaseError.HomeserverUnreachable, presenter.state.value.error)
        assertNull(presenter.state.value.archivedOld)
        assertFalse(presenter.state.value.archivingOld)
    }
}
