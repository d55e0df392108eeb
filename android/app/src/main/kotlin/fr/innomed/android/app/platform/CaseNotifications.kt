package fr.innomed.android.app.platform

import android.Manifest
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import fr.innomed.android.api.push.NotificationTap
import fr.innomed.android.app.MainActivity
import fr.innomed.android.ui.R

/**
 * The app's notifications about a case, on its one channel ("Dossiers"): a content-free line
 * (the case's code and what happened, never a body, a name or a photo) that opens the case when
 * tapped ([MainActivity.tapIntent]: the room id only). Pushes and deadline reminders post here.
 * A coordinator's unanswered request opens the CPTS's follow-ups ("Relances") instead: its room
 * id is the CPTS space's, one line for the space, replaced by the next (the screen lists them all).
 */
internal object CaseNotifications {
    private const val CHANNEL_ID = "cases"

    /** A push's line: one per case, replaced by the next. */
    const val PUSH_ID = 1

    /** A deadline reminder's line: one per case, beside its push line. */
    const val REMINDER_ID = 2

    fun post(context: Context, tap: NotificationTap, line: String, id: Int) {
        val granted = Build.VERSION.SDK_INT < 33 ||
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) ==
            PackageManager.PERMISSION_GRANTED
        if (!granted) return
        ensureChannel(context)
        val roomId = tap.roomId
        // The data URI makes one PendingIntent per case, or per CPTS (extras are not part of its identity).
        val path = if (tap is NotificationTap.Unanswered) "innomed://unanswered/" else "innomed://case/"
        val intent = MainActivity.tapIntent(context, tap)
            .setData(Uri.parse(path + Uri.encode(roomId.value)))
        val open = PendingIntent.getActivity(
            context,
            0,
            intent,
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )
        val built = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(android.R.drawable.stat_notify_chat)
            .setContentTitle(context.getString(R.string.app_name))
            .setContentText(line)
            .setVisibility(NotificationCompat.VISIBILITY_PUBLIC)
            .setCategory(if (id == REMINDER_ID) NotificationCompat.CATEGORY_REMINDER else NotificationCompat.CATEGORY_MESSAGE)
            .setContentIntent(open)
            .setAutoCancel(true)
            .build()
        // The room id is the tag: one line of each kind per case (per CPTS space for the follow-ups).
        NotificationManagerCompat.from(context).notify(roomId.value, id, built)
    }

    private fun ensureChannel(context: Context) {
        val channel = NotificationChannel(
            CHANNEL_ID,
            context.getString(R.string.notification_channel_cases),
            NotificationManager.IMPORTANCE_HIGH,
        )
        context.getSystemService(NotificationManager::class.java).createNotificationChannel(channel)
    }
}
