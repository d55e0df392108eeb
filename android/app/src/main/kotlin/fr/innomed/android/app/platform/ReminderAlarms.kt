package fr.innomed.android.app.platform

import android.app.AlarmManager
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.net.Uri
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.push.NotificationTap
import fr.innomed.android.api.push.ReminderAlarms
import fr.innomed.android.api.push.ScheduledReminder
import fr.innomed.android.ui.R

/**
 * The phone's scheduler for the core's deadline reminders ([fr.innomed.android.api.push.ReminderSchedule]
 * decides nothing either: it hands over the core's list). One AlarmManager alarm per case and
 * kind (its data URI is the reminder's key, so setting it again replaces it), inexact but
 * allowed while the phone dozes (no exact-alarm permission), firing [ReminderReceiver] with the
 * room id, the case code and the kind: nothing else, never patient data. What was set is kept in
 * app-private SharedPreferences (backups exclude them) to cancel it later and to set it again
 * after a reboot or an update of the app, which clear the alarms.
 */
class AlarmReminders(private val context: Context) : ReminderAlarms {
    private val saved = context.getSharedPreferences(PREFERENCES, Context.MODE_PRIVATE)
    private val alarms get() = context.getSystemService(AlarmManager::class.java)

    override fun set(reminder: ScheduledReminder) {
        alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, reminder.atMillis, pending(reminder))
    }

    override fun cancel(reminder: ScheduledReminder) {
        alarms.cancel(pending(reminder))
    }

    override fun scheduled(): List<ScheduledReminder> =
        saved.getStringSet(KEY, emptySet()).orEmpty().mapNotNull(::decode).sortedBy { it.atMillis }

    override fun save(scheduled: List<ScheduledReminder>) {
        saved.edit().putStringSet(KEY, scheduled.mapTo(HashSet(), ::encode)).apply()
    }

    private fun pending(reminder: ScheduledReminder): PendingIntent {
        val intent = Intent(context, ReminderReceiver::class.java)
            .setData(Uri.parse("innomed://reminder/" + Uri.encode(reminder.key)))
            .putExtra(EXTRA_ROOM_ID, reminder.roomId.value)
            .putExtra(EXTRA_CODE, reminder.code)
            .putExtra(EXTRA_OVERDUE, reminder.state == DeadlineState.OVERDUE)
        return PendingIntent.getBroadcast(context, 0, intent, PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT)
    }

    internal companion object {
        const val EXTRA_ROOM_ID = "fr.innomed.android.ROOM_ID"
        const val EXTRA_CODE = "fr.innomed.android.CASE_CODE"
        const val EXTRA_OVERDUE = "fr.innomed.android.OVERDUE"
        private const val PREFERENCES = "reminders"
        private const val KEY = "scheduled"

        /** `room \t code \t at \t kind`: a room id and a case code hold no tab. */
        fun encode(r: ScheduledReminder) = listOf(r.roomId.value, r.code, r.atMillis.toString(), r.state.name).joinToString("\t")

        fun decode(line: String): ScheduledReminder? {
            val parts = line.split('\t')
            if (parts.size != 4) return null
            val at = parts[2].toLongOrNull() ?: return null
            val state = DeadlineState.entries.firstOrNull { it.name == parts[3] } ?: return null
            return ScheduledReminder(RoomId(parts[0]), parts[1], at, state)
        }
    }
}

/**
 * A reminder's alarm went off: "Échéance proche : IM-7K2Q" or "Échéance dépassée : IM-7K2Q" on
 * the cases' channel, opening the case when tapped. After a reboot or an update of the app, the
 * alarms (cleared by the system) are set again from what was saved.
 */
class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        when (intent.action) {
            Intent.ACTION_BOOT_COMPLETED, Intent.ACTION_MY_PACKAGE_REPLACED ->
                AlarmReminders(context).let { alarms -> alarms.scheduled().forEach(alarms::set) }
            else -> {
                val roomId = intent.getStringExtra(AlarmReminders.EXTRA_ROOM_ID) ?: return
                val code = intent.getStringExtra(AlarmReminders.EXTRA_CODE) ?: return
                val overdue = intent.getBooleanExtra(AlarmReminders.EXTRA_OVERDUE, false)
                val line = context.getString(if (overdue) R.string.reminder_overdue else R.string.reminder_due_soon, code)
                CaseNotifications.post(context, NotificationTap.Case(RoomId(roomId)), line, CaseNotifications.REMINDER_ID)
            }
        }
    }
}
