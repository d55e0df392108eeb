package fr.innomed.android.app.platform

import android.content.Context
import android.os.Build
import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.Secret
import fr.innomed.android.api.push.NotificationKind
import fr.innomed.android.api.push.NotificationTap
import fr.innomed.android.api.push.PushError
import fr.innomed.android.api.push.PushPlatform
import fr.innomed.android.api.push.PusherConfig
import fr.innomed.android.api.push.PusherRegistration
import fr.innomed.android.api.push.tap
import fr.innomed.android.app.MainActivity
import fr.innomed.android.app.push.PushReceiver
import fr.innomed.android.impl.RustSessionService
import fr.innomed.android.ui.R
import java.util.Locale
import kotlinx.coroutines.CoroutineScope

/**
 * The FCM hook: what the `FirebaseMessagingService` calls (see [PushReceiver]).
 *
 * The token is remembered in app-private SharedPreferences (it identifies this app install for
 * FCM, not the doctor; backups exclude it) and registered by [PusherRegistration]: with each
 * session as it opens, so a token that came before sign-in is registered at sign-in, and with
 * the running session (or the saved account, reopened for it) when a new token comes.
 *
 * A push is decrypted on the phone by the core's `notification(roomId, eventId)`, through the
 * running session when the app has one, else through the saved account reopened for this
 * push only ([RustSessionService.withPushSession]); nobody signed in drops it. The
 * notification shows only the core's ready-made lock-screen line (`lockScreenFr` or
 * `lockScreenEn`: the case's opaque code and what arrived), never a body, a name or a photo;
 * if it cannot be decrypted (other than NotFound), a fixed content-free line.
 *
 * A tapped notification opens its case: its intent carries the room id, nothing else
 * ([MainActivity.tapIntent]); posted by [CaseNotifications], with the deadline reminders. A
 * coordinator's unanswered request ([NotificationKind.UNANSWERED], its room id the CPTS space's)
 * opens the CPTS's follow-ups instead ([tap]: the intent flags it).
 *
 * @param gatewayUrl the CPTS's push gateway (`https://…/_matrix/push/v1/notify`).
 * @param scope the app's scope, in which the hook watches the sessions for as long as it runs.
 */
class FcmPushHook(
    private val context: Context,
    private val sessions: RustSessionService,
    private val gatewayUrl: String,
    scope: CoroutineScope,
) : PushReceiver {
    private val tokens = context.getSharedPreferences(PREFERENCES, Context.MODE_PRIVATE)

    // Nothing to show on failure: tried again at the next sign-in or app start, or next token.
    private val registration = PusherRegistration(
        sessions = sessions,
        savedToken = { tokens.getString(TOKEN_KEY, null) },
        saveToken = { tokens.edit().putString(TOKEN_KEY, it).apply() },
        pusher = ::pusher,
        withSession = { block -> sessions.withPushSession(block) },
    ).also { it.launchIn(scope) }

    override suspend fun onNewToken(token: String) = registration.onNewToken(token)

    private fun pusher(token: Secret) = PusherConfig(
        appId = APP_ID,
        pushkey = token,
        gatewayUrl = gatewayUrl,
        deviceName = Build.MODEL,
        lang = if (isEnglish()) "en" else "fr",
        platform = PushPlatform.ANDROID,
    )

    override suspend fun onPush(roomId: String, eventId: String) {
        val room = RoomId(roomId)
        // Null: nobody signed in, dropped. NotFound: not for this account. Any other failure
        // still shows that something came, with a fixed line that says nothing of it.
        val outcome = sessions.withPushSession { it.notification(room, EventId(eventId)) } ?: return
        when (outcome) {
            is Outcome.Success -> with(outcome.value) { post(tap, if (isEnglish()) lockScreenEn else lockScreenFr) }
            is Outcome.Failure -> if (outcome.error != PushError.NotFound) {
                post(NotificationTap.Case(room), context.getString(R.string.notification_undecrypted))
            }
        }
    }

    private fun post(tap: NotificationTap, line: String) = CaseNotifications.post(context, tap, line, CaseNotifications.PUSH_ID)

    private fun isEnglish(): Boolean =
        context.resources.configuration.locales[0].language == Locale.ENGLISH.language

    private companion object {
        const val APP_ID = "fr.innomed.android"
        const val PREFERENCES = "push"
        const val TOKEN_KEY = "fcm_token"
    }
}
