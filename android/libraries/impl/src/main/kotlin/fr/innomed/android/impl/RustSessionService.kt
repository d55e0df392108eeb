package fr.innomed.android.impl

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.session.RestoreError
import fr.innomed.android.api.session.SessionService
import fr.innomed.android.api.session.SignInError
import fr.innomed.android.api.session.SignOutResult
import fr.innomed.android.api.session.UserSession
import fr.innomed.sdk.Client
import fr.innomed.sdk.ClientBuilder
import fr.innomed.sdk.PlatformConfig
import fr.innomed.sdk.SecureStore
import fr.innomed.sdk.initPlatform
import fr.innomed.sdk.isValidUserId
import java.io.File
import kotlin.concurrent.thread
import kotlin.coroutines.cancellation.CancellationException
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow

/**
 * Sessions over the bindings.
 *
 * @param dataDir the app's private folder for the encrypted stores (one per account).
 * @param secureStore the platform's secure storage (Android Keystore) for the session and store key.
 * @param reportsDir where télé-expertise reports are written at closure (app-private).
 * @param clock the wall clock, for deadline badges.
 */
class RustSessionService(
    private val dataDir: File,
    private val secureStore: SecureStore,
    private val reportsDir: File,
    private val clock: () -> Long = System::currentTimeMillis,
    platform: PlatformConfig = PlatformConfig(logFilter = "warn", workerThreads = 0u),
) : SessionService {
    init {
        // Once per process; later calls change nothing. Logs carry ids only.
        initPlatform(platform)
    }

    private val active = MutableStateFlow<RustUserSession?>(null)
    override val activeSession: StateFlow<UserSession?> = active

    override fun isWellFormedUserId(userId: String): Boolean = isValidUserId(userId.trim())

    override suspend fun signIn(homeserverUrl: String, userId: String, password: Secret): Outcome<UserSession, SignInError> =
        attempt(::signInError) {
            val client = builder(homeserverUrl.trim()).use { it.login(userId.trim(), password.value) }
            open(client)
        }

    override suspend fun restore(): Outcome<UserSession, RestoreError> =
        attempt(::restoreError) {
            val client = builder(UNUSED_FOR_RESTORE).use { it.restore() }
            open(client)
        }

    override suspend fun signOut(): SignOutResult {
        val session = active.value ?: return SignOutResult.NOT_SIGNED_IN
        active.compareAndSet(session, null)
        return try {
            if (session.logout()) SignOutResult.SIGNED_OUT else SignOutResult.SIGNED_OUT_LOCALLY
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            SignOutResult.FAILED
        }
    }

    /** Ends the active session without signing out (the account stays on this device). */
    suspend fun shutdown() {
        val session = active.value ?: return
        active.compareAndSet(session, null)
        session.shutdown()
    }

    private fun builder(homeserverUrl: String) = ClientBuilder(homeserverUrl, dataDir.path, secureStore)

    private suspend fun open(client: Client): RustUserSession {
        val session = try {
            RustUserSession(client, clock, reportsDir).also { it.startSync() }
        } catch (e: Exception) {
            client.close()
            throw e
        }
        session.watchSignOut {
            // Called on the core's thread: the data is already wiped; free the objects elsewhere.
            if (active.compareAndSet(session, null)) thread(name = "innomed-signed-out") { session.release() }
        }
        active.value?.let { previous -> thread(name = "innomed-replaced") { previous.release() } }
        active.value = session
        return session
    }

    private companion object {
        /** The builder wants a homeserver URL; restoring takes the one in the saved session. */
        const val UNUSED_FOR_RESTORE = "https://restore.invalid"
    }
}
