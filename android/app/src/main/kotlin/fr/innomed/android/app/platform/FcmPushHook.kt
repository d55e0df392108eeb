package fr.innomed.android.app.platform

import android.Manifest
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import fr.innomed.android.api.EventId
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.Secret
import fr.innomed.android.api.push.CaseNotification
import fr.innomed.android.api.push.PushPlatform
import fr.innomed.android.api.push.Pusher
import fr.innomed.android.api.valueOrNull
import fr.innomed.android.app.MainActivity
import fr.innomed.android.app.R
import fr.innomed.android.app.push.PushReceiver
import fr.innomed.android.impl.RustSessionService
import java.util.Locale

/**
 * The FCM hook: what the `FirebaseMessagingService` calls (see [PushReceiver]).
 *
 * A push is decrypted on the phone by the core's `notification(roomId, eventId)`, through the
 * running session when the app has one, else through the saved account reopened for this
 * push only ([RustSessionService.withPushSession]); nobody signed in drops it. The
 * notification shows only the core's ready-made lock-screen line (`lockScreenFr` or
 * `lockScreenEn`: the case's opaque code and what arrived), never a body, a name or a photo.
 *
 * @param gatewayUrl the CPTS's push gateway (`https://…/_matrix/push/v1/notify`).
 */
class FcmPushHook(
    private val context: Context,
    private val sessions: RustSessionService,
    private val gatewayUrl: String,
) : PushReceiver {
    override suspend fun onNewToken(token: String) {
        val pusher = Pusher(
            appId = APP_ID,
            pushkey = Secret(token),
            gatewayUrl = gatewayUrl,
            deviceName = Build.MODEL,
            lang = if (isEnglish()) "en" else "fr",
            platform = PushPlatform.ANDROID,
        )
        // Nothing to show on failure: registered again with the next token FCM hands over.
        sessions.withPushSession { it.registerPusher(pusher) }
    }

    override suspend fun onPush(roomId: String, eventId: String) {
        val notification = sessions.withPushSession { it.notification(RoomId(roomId), EventId(eventId)).valueOrNull() }
        notification?.let(::post)
    }

    private fun post(notification: CaseNotification) {
        val granted = Build.VERSION.SDK_INT < 33 ||
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) ==
            PackageManager.PERMISSION_GRANTED
        if (!granted) return
        ensureChannel()
        val open = PendingIntent.getActivity(
            context,
            0,
            Intent(context, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP),
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )
        val line = if (isEnglish()) notification.lockScreenEn else notification.lockScreenFr
        val built = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(android.R.drawable.stat_notify_chat)
            .setContentTitle(context.getString(R.string.app_name))
            .setContentText(line)
            .setVisibility(NotificationCompat.VISIBILITY_PUBLIC)
            .setCategory(NotificationCompat.CATEGORY_MESSAGE)
            .setContentIntent(open)
            .setAutoCancel(true)
            .build()
        NotificationManagerCompat.from(context).notify(notification.roomId.value.hashCode(), built)
    }

    private fun ensureChannel() {
        val channel = NotificationChannel(
            CHANNEL_ID,
            context.getString(R.string.notification_channel_cases),
            NotificationManager.IMPORTANCE_HIGH,
        )
        context.getSystemService(NotificationManager::class.java).createNotificationChannel(channel)
    }

    private fun isEnglish(): Boolean =
        context.resources.configuration.locales[0].language == Locale.ENGLISH.language

    private companion object {
        const val APP_ID = "fr.innomed.android"
        const val CHANNEL_ID = "cases"
    }
}
