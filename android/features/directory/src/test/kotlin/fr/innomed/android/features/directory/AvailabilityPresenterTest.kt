package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.directory.Absence
import fr.innomed.android.api.directory.Availability
import fr.innomed.android.api.directory.AvailabilityProblem
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.Permanence
import fr.innomed.android.api.directory.SlotProblem
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.GP
import fr.innomed.android.test.OTHER_DERM
import fr.innomed.android.test.specialist
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** "Mes disponibilités": what was typed goes to the core, and the core's answer is shown. */
class AvailabilityPresenterTest {
    private val directory = FakeDirectoryService()
    private val benali = specialist(DERM, "Dr Samira Benali").copy(specialties = listOf("dermatology", "general_practice"))
    private val away = Absence("2026-11-30", "2026-12-04")
    private val saturday = Permanence("dermatology", "2026-11-28", 8 * 60, 12 * 60)
    private var availability = Availability(listOf(away), listOf(saturday))

    init {
        directory.searchResult = { _, _ -> Outcome.Success(listOf(specialist(GP, "Dr Paul Martin", "general_practice"), benali)) }
        directory.myAvailabilityResult = { Outcome.Success(availability) }
    }

    private fun TestScope.opened(): AvailabilityPresenter {
        val presenter = AvailabilityPresenter(backgroundScope, directory, DERM)
        runCurrent()
        return presenter
    }

    @Test
    fun `the member's absences and permanences to come are shown as the core gives them, with their specialties`() = runTest {
        val presenter = opened()
        val state = presenter.state.value
        assertFalse(state.loading)
        assertEquals(availability, state.availability)
        assertEquals(listOf("dermatology", "general_practice"), state.mySpecialties, "hers, not the other members'")
        assertTrue(state.canDeclarePermanence)
    }

    @Test
    fun `an absence goes to the core as typed, days rewritten as the core writes them, once per tap`() = runTest {
        val presenter = opened()
        presenter.onEvent(AvailabilityEvent.OpenAbsence)
        presenter.onEvent(AvailabilityEvent.AbsenceChanged(AbsenceDraft(firstDay = " 7/12/2026", lastDay = "2026-12-11")))
        val answered = CompletableDeferred<Outcome<Availability, DirectoryError>>()
        directory.addAbsenceResult = { answered.await() }
        presenter.onEvent(AvailabilityEvent.SaveAbsence)
        presenter.onEvent(AvailabilityEvent.SaveAbsence)
        runCurrent()
        assertTrue(presenter.state.value.saving)
        val next = availability.copy(absences = listOf(away, Absence("2026-12-07", "2026-12-11")))
        answered.complete(Outcome.Success(next))
        runCurrent()
        assertEquals(listOf(Absence("2026-12-07", "2026-12-11")), directory.absencesAdded.all)
        assertEquals(next, presenter.state.value.availability, "the core's new availability, not read again")
        assertNull(presenter.state.value.absenceDraft)
        assertFalse(presenter.state.value.saving)
    }

    @Test
    fun `empty days wait, anything else typed is the core's to refuse, in the dialog with what was typed kept`() = runTest {
        val presenter = opened()
        presenter.onEvent(AvailabilityEvent.OpenAbsence)
        presenter.onEvent(AvailabilityEvent.AbsenceChanged(AbsenceDraft(firstDay = "30/11/2026")))
        presenter.onEvent(AvailabilityEvent.SaveAbsence)
        runCurrent()
        assertTrue(directory.absencesAdded.all.isEmpty())

        for (problem in listOf(AvailabilityProblem.BAD_DATE, AvailabilityProblem.IN_THE_PAST, AvailabilityProblem.OVERLAPPING)) {
            directory.addAbsenceResult = { Outcome.Failure(DirectoryError.InvalidAvailability(problem)) }
            presenter.onEvent(AvailabilityEvent.AbsenceChanged(AbsenceDraft(firstDay = "31/02/2026", lastDay = "demain")))
            presenter.onEvent(AvailabilityEvent.SaveAbsence)
            runCurrent()
            val draft = presenter.state.value.absenceDraft!!
            assertEquals(DirectoryError.InvalidAvailability(problem), draft.error)
            assertEquals("31/02/2026", draft.firstDay, "what was typed stays")
        }
        assertEquals(Absence("2026-02-31", "demain"), directory.absencesAdded.last, "no date checked here")
        presenter.onEvent(AvailabilityEvent.AbsenceChanged(presenter.state.value.absenceDraft!!.copy(lastDay = "01/03/2026")))
        assertNull(presenter.state.value.absenceDraft!!.error, "a change clears the refusal")
        assertEquals(availability, presenter.state.value.availability)
    }

    @Test
    fun `a permanence goes in one of the member's specialties, its hours in minutes`() = runTest {
        val presenter = opened()
        presenter.onEvent(AvailabilityEvent.OpenPermanence)
        assertEquals("dermatology", presenter.state.value.permanenceDraft?.specialty, "her first specialty")
        presenter.onEvent(
            AvailabilityEvent.PermanenceChanged(PermanenceDraft(specialty = "general_practice", day = "12/12/2026", start = "14h00", end = "24:00")),
        )
        val added = Permanence("general_practice", "2026-12-12", 14 * 60, 24 * 60)
        directory.addPermanenceResult = { Outcome.Success(availability.copy(permanences = listOf(saturday, it))) }
        presenter.onEvent(AvailabilityEvent.SavePermanence)
        runCurrent()
        assertEquals(listOf(added), directory.permanencesAdded.all)
        assertEquals(listOf(saturday, added), presenter.state.value.availability?.permanences)
        assertNull(presenter.state.value.permanenceDraft)
    }

    @Test
    fun `an hour not written HH_MM waits, the core's refusals of a permanence keep the dialog`() = runTest {
        val presenter = opened()
        presenter.onEvent(AvailabilityEvent.OpenPermanence)
        presenter.onEvent(AvailabilityEvent.PermanenceChanged(PermanenceDraft(specialty = "dermatology", day = "12/12/2026", start = "midi", end = "18:00")))
        presenter.onEvent(AvailabilityEvent.SavePermanence)
        assertTrue(presenter.state.value.permanenceDraft!!.invalidTime)
        assertTrue(directory.permanencesAdded.all.isEmpty())

        directory.addPermanenceResult = { Outcome.Failure(DirectoryError.InvalidSlot(SlotProblem.OUTSIDE_DAY)) }
        presenter.onEvent(AvailabilityEvent.PermanenceChanged(presenter.state.value.permanenceDraft!!.copy(start = "18:00", end = "08:00")))
        assertFalse(presenter.state.value.permanenceDraft!!.invalidTime)
        presenter.onEvent(AvailabilityEvent.SavePermanence)
        runCurrent()
        assertEquals(Permanence("dermatology", "2026-12-12", 18 * 60, 8 * 60), directory.permanencesAdded.last, "the order of the hours is the core's to check")
        assertEquals(DirectoryError.InvalidSlot(SlotProblem.OUTSIDE_DAY), presenter.state.value.permanenceDraft?.error)
        assertEquals("18:00", presenter.state.value.permanenceDraft?.start)

        directory.addPermanenceResult = { Outcome.Failure(DirectoryError.NotAllowed) }
        presenter.onEvent(AvailabilityEvent.PermanenceChanged(presenter.state.value.permanenceDraft!!.copy(end = "20:00")))
        presenter.onEvent(AvailabilityEvent.SavePermanence)
        runCurrent()
        assertEquals(DirectoryError.NotAllowed, presenter.state.value.permanenceDraft?.error, "a space that does not take declarations yet")
    }

    @Test
    fun `a member without a specialty in the directory is offered absences only`() = runTest {
        directory.searchResult = { _, _ -> Outcome.Success(listOf(specialist(OTHER_DERM, "Dr Léa Lefèvre"))) }
        val presenter = opened()
        assertFalse(presenter.state.value.canDeclarePermanence)
        presenter.onEvent(AvailabilityEvent.OpenPermanence)
        assertNull(presenter.state.value.permanenceDraft)
        presenter.onEvent(AvailabilityEvent.OpenAbsence)
        assertEquals(AbsenceDraft(), presenter.state.value.absenceDraft)
    }

    @Test
    fun `withdrawing shows the core's new availability, a refusal as an error`() = runTest {
        val presenter = opened()
        directory.removeAbsenceResult = { Outcome.Success(availability.copy(absences = emptyList())) }
        presenter.onEvent(AvailabilityEvent.RemoveAbsence(away))
        runCurrent()
        assertEquals(listOf(away), directory.absencesRemoved.all)
        assertEquals(emptyList<Absence>(), presenter.state.value.availability?.absences)

        directory.removePermanenceResult = { Outcome.Failure(DirectoryError.HomeserverUnreachable) }
        presenter.onEvent(AvailabilityEvent.RemovePermanence(saturday))
        runCurrent()
        assertEquals(listOf(saturday), directory.permanencesRemoved.all)
        assertEquals(DirectoryError.HomeserverUnreachable, presenter.state.value.error)
        assertEquals(listOf(saturday), presenter.state.value.availability?.permanences, "the list as it was")
        presenter.onEvent(AvailabilityEvent.DismissError)
        assertNull(presenter.state.value.error)
    }

    @Test
    fun `an entry the core no longer has is said, and the list read again`() = runTest {
        val presenter = opened()
        availability = Availability(listOf(away), emptyList())
        directory.removePermanenceResult = { Outcome.Failure(DirectoryError.InvalidAvailability(AvailabilityProblem.NO_SUCH_ENTRY)) }
        presenter.onEvent(AvailabilityEvent.RemovePermanence(saturday))
        runCurrent()
        assertEquals(DirectoryError.InvalidAvailability(AvailabilityProblem.NO_SUCH_ENTRY), presenter.state.value.error)
        assertEquals(availability, presenter.state.value.availability)
    }

    @Test
    fun `a failed read is shown and tried again on Retry`() = runTest {
        directory.myAvailabilityResult = { Outcome.Failure(DirectoryError.NoCpts) }
        val presenter = opened()
        assertEquals(DirectoryError.NoCpts, presenter.state.value.error)
        assertNull(presenter.state.value.availability)
        presenter.onEvent(AvailabilityEvent.OpenAbsence)
        assertNull(presenter.state.value.absenceDraft, "nothing to declare into before the core answered")

        directory.myAvailabilityResult = { Outcome.Success(availability) }
        presenter.onEvent(AvailabilityEvent.Retry)
        runCurrent()
        assertNull(presenter.state.value.error)
        assertEquals(availability, presenter.state.value.availability)
    }

    @Test
    fun `days are rewritten as the core reads them, nothing else`() {
        assertEquals("2026-11-23", coreDay("23/11/2026"))
        assertEquals("2026-01-05", coreDay(" 5.1.2026 "))
        assertEquals("2026-11-23", coreDay("2026-11-23"))
        assertEquals("2026-02-31", coreDay("31/02/2026"), "whether it is a date is the core's to say")
        assertEquals("lundi", coreDay("lundi"))
        assertEquals("", coreDay("  "))
    }
}
