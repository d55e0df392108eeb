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
import fr.innomed.sdk.PscSignIn
import fr.innomed.sdk.SecureStore
import fr.innomed.sdk.initPlatform
import fr.innomed.sdk.isValidUserId
import java.io.File
import kotlin.concurrent.thread
import kotlin.coroutines.cancellation.CancellationException
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext

/**
 * Sessions over the bindings.
 *
 * @param dataDir the app's private folder for the encrypted stores (one per account).
 * @param secureStore the platform's secure storage (Android Keystore) for the session and store key.
 * @param reportsDir where télé-expertise reports are written at closure (app-private).
 * @param tls the platform's TLS set-up, run once before the first client is built (signing in,
 *   Pro Santé Connect, restoring, a push's client): [PlatformVerifier.tls] on Android,
 *   [PlatformTls.NONE] on the JVM. When it fails, no client is built and the call gets
 *   `Other("PlatformTlsUnavailable")`; the next one tries again.
 * @param pscRedirectUrl the app's address the Pro Santé Connect page comes back to (the app
 *   manifest's intent-filter catches it).
 */
class RustSessionService(
    private val dataDir: File,
    private val secureStore: SecureStore,
    private val reportsDir: File,
    tls: PlatformTls,
    private val pscRedirectUrl: String = PSC_REDIRECT_URL,
    platform: PlatformConfig = PlatformConfig(logFilter = "warn", workerThreads = 0u),
) : SessionService {
    init {
        // Once per process; later calls change nothing. Logs carry ids only.
        initPlatform(platform)
    }

    private val tlsGate = TlsGate(tls)

    private val active = MutableStateFlow<RustUserSession?>(null)
    override val activeSession: StateFlow<UserSession?> = active

    /** One client at a time opens the account's stores: signing in, restoring, a push's client. */
    private val opening = Mutex()

    /** The Pro Santé Connect sign-in under way, between its page's opening and its return. */
    private var pscSignIn: PscSignIn? = null

    override fun isWellFormedUserId(userId: String): Boolean = isValidUserId(userId.trim())

    override suspend fun signIn(homeserverUrl: String, userId: String, password: Secret): Outcome<UserSession, SignInError> =
        opening.withLock {
            attempt(::signInError) {
                val client = builder(homeserverUrl.trim()).use { it.login(userId.trim(), password.value) }
                open(client)
            }
        }

    override suspend fun startPscSignIn(homeserverUrl: String): Outcome<String, SignInError> =
        opening.withLock {
            attempt(::signInError) {
                val started = builder(homeserverUrl.trim()).use { it.startPscSignIn(pscRedirectUrl) }
                started.url().also { keepPscSignIn(started) }
            }
        }

    override suspend fun finishPscSignIn(callbackUrl: String): Outcome<UserSession, SignInError> =
        opening.withLock {
            val signIn = takePscSignIn() ?: return@withLock Outcome.Failure(SignInError.SignInRefused)
            signIn.use { attempt(::signInError) { open(it.finish(callbackUrl)) } }
        }

    override fun cancelPscSignIn() {
        takePscSignIn()?.close()
    }

    /** The sign-in under way, handed out once. */
    private fun takePscSignIn(): PscSignIn? = synchronized(this) { pscSignIn.also { pscSignIn = null } }

    /** Keeps [next] as the sign-in under way; the one it replaces is freed. */
    private fun keepPscSignIn(next: PscSignIn) {
        synchronized(this) { pscSignIn.also { pscSignIn = next } }?.close()
    }

    override suspend fun restore(): Outcome<UserSession, RestoreError> =
        opening.withLock {
            attempt(::restoreError) {
                val client = builder(UNUSED_FOR_RESTORE).use { it.restore() }
                open(client)
            }
        }

    /**
     * For a push that woke the app: [block] runs with the running session when there is one.
     * Otherwise the saved account is reopened without sync for this call only, and ended after
     * it so the app can open it next (an account's stores take one client at a time; signing
     * in and restoring wait meanwhile). Null when no account can be reopened: none is saved on
     * this device, or its stores are still held by objects of a session that just ended.
     */
    suspend fun <T> withPushSession(block: suspend (UserSession) -> T): T? {
        active.value?.let { return block(it) }
        return opening.withLock {
            active.value?.let { return@withLock block(it) }
            val client = when (val restored = attempt(::restoreError) { builder(UNUSED_FOR_RESTORE).use { it.restore() } }) {
                is Outcome.Success -> restored.value
                is Outcome.Failure -> return@withLock null
            }
            val session = try {
                RustUserSession(client, reportsDir)
            } catch (e: Exception) {
                client.close()
                throw e
            }
            try {
                block(session)
            } finally {
                withContext(NonCancellable) { session.shutdown() }
            }
        }
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

    /** Every client starts here, after the platform's TLS set-up (see [TlsGate]). */
    private fun builder(homeserverUrl: String) =
        tlsGate.beforeClient { ClientBuilder(homeserverUrl, dataDir.path, secureStore) }

    private suspend fun open(client: Client): RustUserSession {
        val session = try {
            RustUserSession(client, reportsDir).also { it.startSync() }
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

    companion object {
        /** The app's redirect for Pro Santé Connect, as the core's docs and the app manifest give it. */
        const val PSC_REDIRECT_URL = "fr.innomed.app:/psc"

        /** The builder wants a homeserver URL; restoring takes the one in the saved session. */
        private const val UNUSED_FOR_RESTORE = "https://restore.invalid"
    }
}
