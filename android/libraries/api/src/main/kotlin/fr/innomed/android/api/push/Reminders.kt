package fr.innomed.android.api.push

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.session.SessionService
import fr.innomed.android.api.session.UserSession
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.Job
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.flow.collectLatest
import kotlinx.coroutines.flow.emptyFlow
import kotlinx.coroutines.flow.flatMapLatest
import kotlinx.coroutines.flow.flowOf
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.onStart
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext

/**
 * A deadline reminder the core planned for this doctor: at [atMillis], a local notification
 * saying the request [code] is due soon or overdue ([state]: [DeadlineState.DUE_SOON] or
 * [DeadlineState.OVERDUE]), shown by the phone's scheduler with the app closed. The case code and
 * the kind only, never patient data.
 */
data class ScheduledReminder(val roomId: RoomId, val code: String, val atMillis: Long, val state: DeadlineState) {
    /** One alarm per case and kind: a newer plan for the same pair replaces it. */
    val key: String get() = roomId.value + "#" + state.name
}

/** What to change in the phone's alarms: [cancel] the ones no longer wanted, then [set] the new or moved ones. */
data class ReminderChanges(val cancel: List<ScheduledReminder>, val set: List<ScheduledReminder>)

/**
 * The alarms to cancel and set so that the phone's scheduled reminders become [wanted] (the
 * core's list) where they were [scheduled]: a reminder whose case and kind are no longer wanted is
 * cancelled, a new one or one whose time or code changed is set (replacing the old one, same key),
 * one unchanged is left alone. Nothing is decided about the reminders themselves.
 */
fun planReminders(scheduled: List<ScheduledReminder>, wanted: List<ScheduledReminder>): ReminderChanges {
    val wantedKeys = wanted.mapTo(HashSet()) { it.key }
    val before = scheduled.associateBy { it.key }
    return ReminderChanges(
        cancel = scheduled.filter { it.key !in wantedKeys },
        set = wanted.distinctBy { it.key }.filter { before[it.key] != it },
    )
}

/** The phone's scheduler for reminders: the app's AlarmManager calls, and where it remembers what it set. */
interface ReminderAlarms {
    /** Sets (or replaces, by [ScheduledReminder.key]) the alarm that posts [reminder] at its time. */
    fun set(reminder: ScheduledReminder)

    fun cancel(reminder: ScheduledReminder)

    /** What was set last, kept across app restarts (the alarms outlive the process). */
    fun scheduled(): List<ScheduledReminder>

    fun save(scheduled: List<ScheduledReminder>)
}

/**
 * Keeps the phone's scheduled reminders equal to the core's `reminderSchedule()` for whoever is
 * signed in: when a session becomes active (sign-in, the account reopened at start) and whenever
 * its case list changes. A failed read keeps the alarms as they are until the next change. When
 * the session ends (sign-out, revoked), every alarm is cancelled; no session at start is not an end.
 */
class ReminderSchedule(private val sessions: SessionService, private val alarms: ReminderAlarms) {
    private val lock = Mutex()

    @OptIn(ExperimentalCoroutinesApi::class)
    fun launchIn(scope: CoroutineScope): Job = scope.launch {
        var hadSession = false
        sessions.activeSession
            .flatMapLatest { session ->
                when {
                    session != null -> session.cases.cases.map { session }.onStart { emit(session) }
                    hadSession -> flowOf(null)
                    else -> emptyFlow()
                }.also { hadSession = session != null }
            }
            .collectLatest { session -> if (session != null) refresh(session) else replaceWith(emptyList()) }
    }

    /** Reads the core's schedule now and replaces the alarms with it. */
    suspend fun refresh(session: UserSession) {
        when (val found = session.reminderSchedule()) {
            is Outcome.Success -> replaceWith(found.value)
            is Outcome.Failure -> Unit
        }
    }

    /** Not cancelled halfway (a newer case list coming meanwhile): the alarms and what is saved of them stay alike. */
    private suspend fun replaceWith(wanted: List<ScheduledReminder>) = withContext(NonCancellable) {
        lock.withLock { replace(wanted) }
    }

    private fun replace(wanted: List<ScheduledReminder>) {
        val changes = planReminders(alarms.scheduled(), wanted)
        changes.cancel.forEach(alarms::cancel)
        changes.set.forEach(alarms::set)
        alarms.save(wanted.distinctBy { it.key })
    }
}
