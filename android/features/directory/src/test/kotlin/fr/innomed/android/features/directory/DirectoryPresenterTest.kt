package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.OTHER_DERM
import fr.innomed.android.test.specialist
import kotlinx.coroutines.test.advanceTimeBy
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class DirectoryPresenterTest {
    private val directory = FakeDirectoryService()
    private val benali = specialist(DERM, "Dr Nadia Benali")
    private val lefevre = specialist(OTHER_DERM, "Dr Hélène Lefèvre")
    private val emile = specialist(UserId("@dr.emile:cpts.test"), "Émile Arnaud")
    private val eva = specialist(UserId("@dr.eva:cpts.test"), "Eva Morel")
    private val fabien = specialist(UserId("@dr.fabien:cpts.test"), "Fabien Roux")

    init {
        directory.coordinatorResult = { Outcome.Success(false) }
    }

    @Test
    fun `a specialty lists its members in French order and who is on duty now`() = runTest {
        directory.searchResult = { _, _ -> Outcome.Success(listOf(fabien, eva, emile, benali)) }
        directory.onDutyResult = { Outcome.Success(listOf(benali)) }
        val presenter = DirectoryPresenter(backgroundScope, directory, initialSpecialty = "dermatology")
        assertTrue(presenter.state.value.searching)
        runCurrent()
        val state = presenter.state.value
        assertFalse(state.searching)
        assertEquals(listOf(benali, emile, eva, fabien), state.results, "É sorts with E, not after Z")
        assertEquals(listOf(benali), state.onDuty)
        assertFalse(state.nobodyOnDuty)
        assertEquals(listOf("dermatology" to null), directory.searches.all)
    }

    @Test
    fun `nobody on duty is said, with the directory to pick from`() = runTest {
        directory.searchResult = { _, _ -> Outcome.Success(listOf(lefevre)) }
        directory.onDutyResult = { Outcome.Success(emptyList()) }
        val presenter = DirectoryPresenter(backgroundScope, directory, initialSpecialty = "dermatology")
        runCurrent()
        assertTrue(presenter.state.value.nobodyOnDuty)
        presenter.onEvent(DirectoryEvent.Pick(lefevre))
        assertEquals(lefevre, presenter.state.value.picked)
        presenter.onEvent(DirectoryEvent.PickHandled)
        assertNull(presenter.state.value.picked)
    }

    @Test
    fun `typing searches once the doctor pauses, with the last text`() = runTest {
        directory.searchResult = { _, _ -> Outcome.Success(listOf(lefevre)) }
        val presenter = DirectoryPresenter(backgroundScope, directory)
        runCurrent()
        presenter.onEvent(DirectoryEvent.QueryChanged("lef"))
        advanceTimeBy(100)
        presenter.onEvent(DirectoryEvent.QueryChanged("lefe"))
        advanceTimeBy(100)
        presenter.onEvent(DirectoryEvent.QueryChanged("lefev "))
        advanceTimeBy(301)
        runCurrent()
        assertEquals(listOf(null to null, null to "lefev"), directory.searches.all)
        assertTrue(presenter.state.value.onDuty.isEmpty(), "no rota without a specialty")
        assertFalse(presenter.state.value.nobodyOnDuty)
    }

    @Test
    fun `a doctor outside any CPTS gets the typed error, and can retry`() = runTest {
        directory.searchResult = { _, _ -> Outcome.Failure(DirectoryError.NoCpts) }
        val presenter = DirectoryPresenter(backgroundScope, directory)
        runCurrent()
        assertEquals(DirectoryError.NoCpts, presenter.state.value.error)
        directory.searchResult = { _, _ -> Outcome.Success(listOf(benali)) }
        presenter.onEvent(DirectoryEvent.Retry)
        runCurrent()
        assertNull(presenter.state.value.error)
        assertEquals(listOf(benali), presenter.state.value.results)
    }

    @Test
    fun `an unknown specialty code is ignored`() = runTest {
        directory.searchResult = { _, _ -> Outcome.Success(emptyList()) }
        val presenter = DirectoryPresenter(backgroundScope, directory)
        runCurrent()
        presenter.onEvent(DirectoryEvent.SpecialtySelected("astrology"))
        runCurrent()
        assertNull(presenter.state.value.specialty)
        assertEquals(1, directory.searches.all.size)
    }
}
