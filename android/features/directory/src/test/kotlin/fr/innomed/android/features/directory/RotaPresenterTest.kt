package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.directory.Absence
import fr.innomed.android.api.directory.Availability
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.DutySlot
import fr.innomed.android.api.directory.Permanence
import fr.innomed.android.api.directory.Rota
import fr.innomed.android.api.directory.SlotProblem
import fr.innomed.android.api.directory.Weekday
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.GP
import fr.innomed.android.test.OTHER_DERM
import fr.innomed.android.test.specialist
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The duty rota by week: read by every member, changed by the coordinator only. */
class RotaPresenterTest {
    private val directory = FakeDirectoryService()
    private val benali = specialist(DERM, "Dr Samira Benali")
    private val lefevre = specialist(OTHER_DERM, "Dr Léa Lefèvre")
    private val martin = specialist(GP, "Dr Paul Martin", "general_practice")
    private val monday = DutySlot("dermatology", Weekday.MONDAY, 14 * 60, 18 * 60)
    private val mondayMorning = DutySlot("dermatology", Weekday.MONDAY, 9 * 60, 12 * 60)
    private var slots = mapOf(DERM to listOf(monday), OTHER_DERM to listOf(mondayMorning))

    private fun rota(coordinator: Boolean) {
        directory.rotaResult = { Outcome.Success(Rota(coordinator, listOf(benali, lefevre, martin), slots)) }
        directory.setDutyResult = { user, new -> slots = slots + (user to new); Outcome.Done }
    }

    @Test
    fun `the week is shown Monday first, each day by start time and named from the directory`() = runTest {
        rota(coordinator = false)
        val presenter = RotaPresenter(backgroundScope, directory)
        runCurrent()
        val week = presenter.state.value.week
        assertEquals(Weekday.entries, week.map { it.weekday })
        assertEquals(listOf("Dr Léa Lefèvre", "Dr Samira Benali"), week.first().lines.map { it.name })
        assertTrue(week.drop(1).all { it.lines.isEmpty() })
        assertFalse(presenter.state.value.canEdit, "a member reads it, only the coordinator changes it")
        presenter.onEvent(RotaEvent.OpenEditor)
        assertNull(presenter.state.value.draft)
    }

    @Test
    fun `the coordinator adds a slot to a member's week, with a specialty of theirs, and the rota is read back`() = runTest {
        rota(coordinator = true)
        val presenter = RotaPresenter(backgroundScope, directory)
        runCurrent()
        presenter.onEvent(RotaEvent.OpenEditor)
        presenter.onEvent(RotaEvent.DraftChanged(SlotDraft(member = DERM)))
        assertEquals("dermatology", presenter.state.value.draft?.specialty, "the member's own specialty")
        presenter.onEvent(RotaEvent.DraftChanged(presenter.state.value.draft!!.copy(weekday = Weekday.SATURDAY, start = "8h30", end = "12:00")))
        presenter.onEvent(RotaEvent.SaveSlot)
        runCurrent()
        val saturday = DutySlot("dermatology", Weekday.SATURDAY, 8 * 60 + 30, 12 * 60)
        assertEquals(DERM to listOf(monday, saturday), directory.duties.last, "her whole week, the new slot added")
        assertNull(presenter.state.value.draft)
        assertEquals("Dr Samira Benali", presenter.state.value.week.single { it.weekday == Weekday.SATURDAY }.lines.single().name)
    }

    @Test
    fun `a time not written HH_MM is caught before the core, and the core's refusal keeps the dialog open`() = runTest {
        rota(coordinator = true)
        val presenter = RotaPresenter(backgroundScope, directory)
        runCurrent()
        presenter.onEvent(RotaEvent.OpenEditor)
        presenter.onEvent(RotaEvent.DraftChanged(SlotDraft(member = DERM, start = "quatorze", end = "18:00")))
        presenter.onEvent(RotaEvent.SaveSlot)
        assertTrue(presenter.state.value.draft!!.invalid)
        assertTrue(directory.duties.all.isEmpty())

        directory.setDutyResult = { _, _ -> Outcome.Failure(DirectoryError.InvalidSlot(SlotProblem.OUTSIDE_DAY)) }
        presenter.onEvent(RotaEvent.DraftChanged(presenter.state.value.draft!!.copy(start = "18:00", end = "08:00")))
        presenter.onEvent(RotaEvent.SaveSlot)
        runCurrent()
        assertEquals(DirectoryError.InvalidSlot(SlotProblem.OUTSIDE_DAY), presenter.state.value.error)
        assertEquals("18:00", presenter.state.value.draft?.start, "what was typed stays")
    }

    @Test
    fun `removing a slot keeps the member's other slots`() = runTest {
        slots = mapOf(DERM to listOf(monday, mondayMorning))
        rota(coordinator = true)
        val presenter = RotaPresenter(backgroundScope, directory)
        runCurrent()
        val line = presenter.state.value.week.first().lines.first { it.slot == mondayMorning }
        presenter.onEvent(RotaEvent.RemoveSlot(line))
        runCurrent()
        assertEquals(DERM to listOf(monday), directory.duties.last)
    }

    @Test
    fun `what members declared themselves is shown in the directory's order, named from it`() = runTest {
        val away = Availability(absences = listOf(Absence("2026-11-30", "2026-12-04")))
        val saturday = Availability(permanences = listOf(Permanence("dermatology", "2026-11-28", 8 * 60, 12 * 60)))
        val declared = mapOf(OTHER_DERM to away, DERM to saturday, GP to Availability())
        directory.rotaResult = { Outcome.Success(Rota(false, listOf(benali, lefevre, martin), slots, declared)) }
        val presenter = RotaPresenter(backgroundScope, directory)
        runCurrent()
        val shown = presenter.state.value.declared
        assertEquals(listOf("Dr Samira Benali", "Dr Léa Lefèvre"), shown.map { it.name }, "nothing declared, nothing shown")
        assertEquals(listOf(saturday, away), shown.map { it.availability }, "as the core gave them")
    }

    @Test
    fun `times are read as a doctor writes them`() {
        assertEquals(870, parseTime("14:30"))
        assertEquals(510, parseTime("8h30"))
        assertEquals(1440, parseTime("24:00"))
        assertNull(parseTime("24:30"))
        assertNull(parseTime("12:75"))
        assertNull(parseTime(""))
        assertEquals("08:05", formatTime(485))
    }
}
