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
import fr.innomed.android.app.MainActivity
import fr.innomed.android.app.R
import fr.innomed.android.app.push.PushReceiver
import fr.innomed.sdk.CaseNotification
import fr.innomed.sdk.Client
import fr.innomed.sdk.PushPlatform
import fr.innomed.sdk.PusherConfig
import java.util.Locale
import kotlin.coroutines.cancellation.CancellationException

/**
 * The FCM hook: what the `FirebaseMessagingService` calls (see [PushReceiver]).
 *
 * A push is decrypted on the phone by the core's `notification(roomId, eventId)`, and the
 * notification shows only the core's ready-made lock-screen line (`lockScreenFr` or
 * `lockScreenEn`: the case's opaque code and what arrived), never a body, a name or a photo.
 *
 * @param client the signed-in account's bindings client, or null when nobody is signed in (the
 *   push is then dropped).
 * @param gatewayUrl the CPTS's push gateway (`https://…/_matrix/push/v1/notify`).
 */
class FcmPushHook(
    private val context: Context,
    private val client: suspend () -> Client?,
    private val gatewayUrl: String,
) : PushReceiver {
    override suspend fun onNewToken(token: String) {
        val account = client() ?: return
        val config = PusherConfig(
            appId = APP_ID,
            pushkey = token,
            gatewayUrl = gatewayUrl,
            deviceName = Build.MODEL,
            lang = if (isEnglish()) "en" else "fr",
            platform = PushPlatform.ANDROID,
        )
        try {
            account.registerPusher(config)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            // Registered again at the next token or start; nothing to show.
        }
    }

    override suspend fun onPush(roomId: String, eventId: String) {
        val account = client() ?: return
        val notification = try {
            account.notification(roomId, eventId)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            return
        }
        post(notification)
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
        NotificationManagerCompat.from(context).notify(notification.roomId.hashCode(), built)
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
