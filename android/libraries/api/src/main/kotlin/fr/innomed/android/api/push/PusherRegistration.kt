package fr.innomed.android.api.push

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.session.SessionService
import fr.innomed.android.api.session.UserSession
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

/**
 * Keeps this phone registered as the pusher of whoever is signed in.
 *
 * The push service hands a token over at install, usually before sign-in, and again rarely. The
 * latest one is remembered on the phone ([savedToken], [saveToken]) and registered with each
 * session as it becomes active, and with the running one when a token arrives; a session is
 * registered once per token. A failure is not retried at once: the next activation or the next
 * token tries again. Nothing here logs, and the token travels as a [Secret].
 *
 * @param pusher this phone's pusher for a token (gateway, device name, language).
 * @param withSession runs the registration for a new token: by default with the active session
 *   only; the app also reopens the saved account when the token comes while it is closed.
 */
class PusherRegistration(
    private val sessions: SessionService,
    private val savedToken: () -> String?,
    private val saveToken: (String) -> Unit,
    private val pusher: (Secret) -> PusherConfig,
    private val withSession: suspend (suspend (UserSession) -> Unit) -> Unit =
        { block -> sessions.activeSession.value?.let { block(it) } },
) {
    private val lock = Mutex()
    private var registered: Pair<UserSession, String>? = null

    /** Registers the remembered token with each session that becomes active, while [scope] runs. */
    fun launchIn(scope: CoroutineScope): Job = scope.launch {
        sessions.activeSession.collect { session ->
            if (session != null) register(session) else lock.withLock { registered = null }
        }
    }

    /** A new token from the push service: remembered, then registered with the running session. */
    suspend fun onNewToken(token: String) {
        saveToken(token)
        withSession(::register)
    }

    private suspend fun register(session: UserSession) {
        lock.withLock {
            val token = savedToken() ?: return
            if (registered == session to token) return
            if (session.registerPusher(pusher(Secret(token))) is Outcome.Success) registered = session to token
        }
    }
}
