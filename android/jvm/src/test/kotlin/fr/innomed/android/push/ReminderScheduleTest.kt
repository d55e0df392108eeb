package fr.innomed.android.push

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.push.PushError
import fr.innomed.android.api.push.ReminderAlarms
import fr.innomed.android.api.push.ReminderChanges
import fr.innomed.android.api.push.ReminderSchedule
import fr.innomed.android.api.push.ScheduledReminder
import fr.innomed.android.api.push.planReminders
import fr.innomed.android.test.FakeSessionService
import fr.innomed.android.test.FakeUserSession
import fr.innomed.android.test.row
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class ReminderScheduleTest {
    private val a = RoomId("!a:cpts.test")
    private val b = RoomId("!b:cpts.test")
    private val soonA = ScheduledReminder(a, "IM-AAAA", 1_000, DeadlineState.DUE_SOON)
    private val lateA = ScheduledReminder(a, "IM-AAAA", 2_000, DeadlineState.OVERDUE)
    private val soonB = ScheduledReminder(b, "IM-BBBB", 1_500, DeadlineState.DUE_SOON)

    /** The phone's alarms, in memory: what is set now, and each call in order. */
    private class Alarms : ReminderAlarms {
        val set = linkedMapOf<String, ScheduledReminder>()
        val calls = mutableListOf<String>()
        var saved: List<ScheduledReminder> = emptyList()

        override fun set(reminder: ScheduledReminder) {
            set[reminder.key] = reminder
            calls += "set ${reminder.key} ${reminder.atMillis}"
        }

        override fun cancel(reminder: ScheduledReminder) {
            set.remove(reminder.key)
            calls += "cancel ${reminder.key}"
        }

        override fun scheduled() = saved

        override fun save(scheduled: List<ScheduledReminder>) {
            saved = scheduled
        }
    }

    @Test
    fun `the plan cancels what is no longer wanted, sets what is new or moved, leaves the rest`() {
        val moved = soonB.copy(atMillis = 1_800)
        assertEquals(ReminderChanges(cancel = listOf(soonA), set = listOf(moved)), planReminders(listOf(soonA, lateA, soonB), listOf(lateA, moved)))
        assertEquals(ReminderChanges(emptyList(), emptyList()), planReminders(listOf(soonA), listOf(soonA)))
        assertEquals(ReminderChanges(emptyList(), listOf(soonA, lateA)), planReminders(emptyList(), listOf(soonA, lateA)))
        assertEquals(ReminderChanges(listOf(soonA, lateA), emptyList()), planReminders(listOf(soonA, lateA), emptyList()))
        // A new code for the same case and kind replaces the alarm (same key).
        val recoded = soonA.copy(code = "IM-ZZZZ")
        assertEquals(ReminderChanges(emptyList(), listOf(recoded)), planReminders(listOf(soonA), listOf(recoded)))
    }

    @Test
    fun `at start, then whenever the case list changes, the alarms become the core's schedule`() = runTest {
        val sessions = FakeSessionService()
        val alarms = Alarms()
        val doctor = FakeUserSession()
        var schedule = listOf(soonA, lateA)
        doctor.reminderResult = { Outcome.Success(schedule) }
        ReminderSchedule(sessions, alarms).launchIn(backgroundScope)
        runCurrent()
        assertEquals(0, doctor.reminderReads, "no session yet: nothing asked, nothing cancelled")
        assertEquals(emptyList<String>(), alarms.calls)

        sessions.activeSession.value = doctor
        runCurrent()
        assertEquals(listOf(soonA, lateA), alarms.set.values.toList())
        assertEquals(listOf(soonA, lateA), alarms.saved)

        schedule = listOf(lateA, soonB) // a's first reminder went off, b is due soon now
        alarms.calls.clear()
        doctor.cases.rows.value = listOf(row("a", isRequest = true))
        runCurrent()
        assertEquals(listOf("cancel ${soonA.key}", "set ${soonB.key} 1500"), alarms.calls)
        assertEquals(listOf(lateA, soonB), alarms.saved)
    }

    @Test
    fun `a failed read keeps the alarms, and the end of the session cancels them all`() = runTest {
        val sessions = FakeSessionService()
        val alarms = Alarms()
        val doctor = FakeUserSession()
        var answer: Outcome<List<ScheduledReminder>, PushError> = Outcome.Success(listOf(soonA, soonB))
        doctor.reminderResult = { answer }
        ReminderSchedule(sessions, alarms).launchIn(backgroundScope)
        sessions.activeSession.value = doctor
        runCurrent()

        answer = Outcome.Failure(PushError.HomeserverUnreachable)
        doctor.cases.rows.value = listOf(row("a", isRequest = true))
        runCurrent()
        assertEquals(listOf(soonA, soonB), alarms.set.values.toList())

        sessions.activeSession.value = null
        runCurrent()
        assertEquals(emptyMap<String, ScheduledReminder>(), alarms.set)
        assertEquals(emptyList<ScheduledReminder>(), alarms.saved)
    }

    @Test
    fun `alarms saved by an earlier run of the app are replaced, not doubled`() = runTest {
        val sessions = FakeSessionService()
        val alarms = Alarms().apply { saved = listOf(soonA, soonB) }
        val doctor = FakeUserSession().apply { reminderResult = { Outcome.Success(listOf(soonA)) } }
        ReminderSchedule(sessions, alarms).launchIn(backgroundScope)
        sessions.activeSession.value = doctor
        runCurrent()
        assertEquals(listOf("cancel ${soonB.key}"), alarms.calls)
        assertEquals(listOf(soonA), alarms.saved)
    }
}
