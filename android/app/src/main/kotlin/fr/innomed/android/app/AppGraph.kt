package fr.innomed.android.app

import android.content.Context
import androidx.core.app.NotificationManagerCompat
import fr.innomed.android.api.push.NotificationTaps
import fr.innomed.android.api.push.ReminderSchedule
import fr.innomed.android.api.session.PscReturns
import fr.innomed.android.api.session.SessionService
import fr.innomed.android.app.documents.DocumentFiles
import fr.innomed.android.app.lock.AppLock
import fr.innomed.android.app.photos.PhotoStore
import fr.innomed.android.app.platform.AlarmReminders
import fr.innomed.android.app.platform.FcmPushHook
import fr.innomed.android.app.platform.KeystoreSecureStore
import fr.innomed.android.app.push.PushReceiver
import fr.innomed.android.app.reports.ReportFiles
import fr.innomed.android.impl.PlatformVerifier
import fr.innomed.android.impl.RustSessionService
import java.io.File
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.MainScope
import kotlinx.coroutines.launch

/** The app's objects, built once per process. Everything lives in app-private storage. */
class AppGraph(context: Context) {
    /** Closing reports: opened, shared, wiped at sign-out. */
    val reports = ReportFiles(context)

    /** The accounts' encrypted stores, and the documents the core cleaned for the viewer. */
    private val accountsDir = File(context.filesDir, "accounts").apply { mkdirs() }

    private val rustSessions = RustSessionService(
        dataDir = accountsDir,
        secureStore = KeystoreSecureStore(context),
        reportsDir = reports.folder,
        // rustls-platform-verifier gets the application's Context before the first client.
        tls = PlatformVerifier.tls(context.applicationContext),
        // The manifest's PscRedirectActivity catches it.
        pscRedirectUrl = RustSessionService.PSC_REDIRECT_URL,
    )

    val sessions: SessionService = rustSessions

    val appLock = AppLock()

    /** For work that must outlive a screen (signing out wipes data after the screen is gone). */
    val appScope: CoroutineScope = MainScope()

    val photos = PhotoStore(context).also { appScope.launch(Dispatchers.IO) { it.sweepStale() } }

    /** Received documents, opened in the phone's PDF viewer (the core removes them at sign-out). */
    val documents = DocumentFiles(context.applicationContext, accountsDir)

    /** What the app itself wrote for the doctor, deleted once they signed out. */
    fun wipeLocalFiles() {
        photos.wipe()
        reports.wipe()
    }

    /** What the FCM service calls; see [PushReceiver]. It uses the running session if any. */
    val push: PushReceiver = FcmPushHook(
        context = context,
        sessions = rustSessions,
        gatewayUrl = BuildConfigDefaults.PUSH_GATEWAY,
        scope = appScope,
    )

    /** The Pro Santé Connect page's return, caught by PscRedirectActivity, for the sign-in screen. */
    val pscReturns = PscReturns()

    /** The case (or the CPTS's follow-ups) of a tapped notification, opened by the nav host after the unlock. */
    val notificationTaps = NotificationTaps()

    /**
     * The core's deadline reminders as the phone's alarms, replaced at start (once the account is
     * reopened) and whenever the case list changes; cancelled when the session ends.
     */
    private val reminders = ReminderSchedule(sessions, AlarmReminders(context.applicationContext)).also { it.launchIn(appScope) }

    init {
        // The session ended (sign-out, or the account gone): its lines leave the lock screen and
        // a tap not opened yet is forgotten. Not at start: no session yet is not an end.
        appScope.launch {
            var hadSession = false
            sessions.activeSession.collect { session ->
                if (session == null && hadSession) {
                    NotificationManagerCompat.from(context).cancelAll()
                    notificationTaps.clear()
                }
                hadSession = session != null
            }
        }
    }
}

/** Deployment settings (one CPTS gateway per deployment). */
object BuildConfigDefaults {
    const val PUSH_GATEWAY = "https://push.innomed.example/_matrix/push/v1/notify"
}
