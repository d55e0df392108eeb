package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.EntryEdit
import fr.innomed.android.api.directory.EntryProblem
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.OTHER_DERM
import fr.innomed.android.test.specialist
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The coordinator corrects a directory entry; whether it may, and whether the entry holds, is the core's answer. */
class DirectoryEditPresenterTest {
    private val directory = FakeDirectoryService()
    private val benali = specialist(DERM, "Dr Nadia Benali")
    private val lefevre = specialist(OTHER_DERM, "Dr Hélène Lefèvre")
    private var members = listOf(benali, lefevre)

    init {
        directory.searchResult = { _, _ -> Outcome.Success(members) }
    }

    private fun TestScope.opened(coordinator: Boolean): DirectoryPresenter {
        directory.coordinatorResult = { Outcome.Success(coordinator) }
        val presenter = DirectoryPresenter(backgroundScope, directory)
        runCurrent()
        return presenter
    }

    @Test
    fun `the coordinator corrects an entry, the core's entry is shown and the directory read again`() = runTest {
        val presenter = opened(coordinator = true)
        assertTrue(presenter.state.value.isCoordinator)
        presenter.onEvent(DirectoryEvent.Pick(benali))
        presenter.onEvent(DirectoryEvent.StartEdit(benali))
        assertNull(presenter.state.value.picked, "the card gives way to the correction")
        assertEquals(EntryDraft(benali), presenter.state.value.edit, "the entry as it is")

        presenter.onEvent(DirectoryEvent.EditNameChanged("Dr Nadia Benali-Roux "))
        presenter.onEvent(DirectoryEvent.EditSpecialtyToggled("general_practice"))
        presenter.onEvent(DirectoryEvent.EditSpecialtyToggled("cardiology"))
        presenter.onEvent(DirectoryEvent.EditSpecialtyToggled("general_practice"))
        presenter.onEvent(DirectoryEvent.EditSpecialtyToggled("astrology"))
        presenter.onEvent(DirectoryEvent.EditRetiredChanged(true))
        val corrected = benali.copy(displayName = "Dr Nadia Benali-Roux", specialties = listOf("cardiology", "dermatology"), retired = true)
        directory.editResult = { _, _ ->
            members = listOf(corrected, lefevre)
            Outcome.Success(corrected)
        }
        val searchesBefore = directory.searches.all.size
        presenter.onEvent(DirectoryEvent.SaveEdit)
        assertTrue(presenter.state.value.edit!!.saving)
        runCurrent()

        assertEquals(
            DERM to EntryEdit("Dr Nadia Benali-Roux", listOf("cardiology", "dermatology"), retired = true),
            directory.edits.last,
            "the specialties in the list's order, only codes of the list",
        )
        val state = presenter.state.value
        assertNull(state.edit)
        assertEquals(corrected, state.edited)
        assertEquals(searchesBefore + 1, directory.searches.all.size, "the directory is read again")
        assertEquals(listOf(lefevre, corrected), state.results, "as the core now lists them, in French order")
    }

    @Test
    fun `the core's refusal is shown and nothing typed is lost`() = runTest {
        val presenter = opened(coordinator = true)
        presenter.onEvent(DirectoryEvent.StartEdit(lefevre))
        presenter.onEvent(DirectoryEvent.EditNameChanged("Dr Hélène Lefèvre-Martin"))
        presenter.onEvent(DirectoryEvent.EditSpecialtyToggled("dermatology"))
        directory.editResult = { _, _ -> Outcome.Failure(DirectoryError.InvalidEntry(EntryProblem.NO_SPECIALTY)) }
        presenter.onEvent(DirectoryEvent.SaveEdit)
        runCurrent()

        val draft = presenter.state.value.edit!!
        assertEquals(DirectoryError.InvalidEntry(EntryProblem.NO_SPECIALTY), draft.error)
        assertEquals("Dr Hélène Lefèvre-Martin", draft.displayName)
        assertEquals(emptySet<String>(), draft.specialties, "what the core refused, as typed")
        assertFalse(draft.saving)
        assertEquals(EntryEdit("Dr Hélène Lefèvre-Martin", emptyList(), retired = false), directory.edits.last?.second)

        // Another answer of the core: a coordinator no longer, said as such.
        directory.editResult = { _, _ -> Outcome.Failure(DirectoryError.NotAllowed) }
        presenter.onEvent(DirectoryEvent.EditSpecialtyToggled("cardiology"))
        assertNull(presenter.state.value.edit!!.error, "a change clears the last refusal")
        presenter.onEvent(DirectoryEvent.SaveEdit)
        runCurrent()
        assertEquals(DirectoryError.NotAllowed, presenter.state.value.edit?.error)
        assertEquals(setOf("cardiology"), presenter.state.value.edit?.specialties)
    }

    @Test
    fun `an empty name waits, and cancelling sends nothing`() = runTest {
        val presenter = opened(coordinator = true)
        presenter.onEvent(DirectoryEvent.StartEdit(benali))
        presenter.onEvent(DirectoryEvent.EditNameChanged("   "))
        assertFalse(presenter.state.value.edit!!.canSave)
        presenter.onEvent(DirectoryEvent.SaveEdit)
        runCurrent()
        presenter.onEvent(DirectoryEvent.CancelEdit)
        assertNull(presenter.state.value.edit)
        assertTrue(directory.edits.all.isEmpty())
    }

    @Test
    fun `a member who does not coordinate the CPTS is offered no correction`() = runTest {
        val presenter = opened(coordinator = false)
        assertFalse(presenter.state.value.isCoordinator)
        presenter.onEvent(DirectoryEvent.Pick(benali))
        presenter.onEvent(DirectoryEvent.StartEdit(benali))
        assertNull(presenter.state.value.edit)
        assertEquals(benali, presenter.state.value.picked, "the card stays, read only")
        presenter.onEvent(DirectoryEvent.SaveEdit)
        runCurrent()
        assertTrue(directory.edits.all.isEmpty())
    }

    @Test
    fun `without an answer from the core (no CPTS, offline) nothing is offered, and a retry asks again`() = runTest {
        var answers = 0
        directory.coordinatorResult = { answers++; if (answers == 1) Outcome.Failure(DirectoryError.HomeserverUnreachable) else Outcome.Success(true) }
        val presenter = DirectoryPresenter(backgroundScope, directory)
        runCurrent()
        assertFalse(presenter.state.value.isCoordinator)
        presenter.onEvent(DirectoryEvent.Retry)
        runCurrent()
        assertTrue(presenter.state.value.isCoordinator)
    }
}
