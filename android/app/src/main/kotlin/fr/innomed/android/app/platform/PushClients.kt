package fr.innomed.android.app.platform

import fr.innomed.sdk.Client
import fr.innomed.sdk.ClientBuilder
import fr.innomed.sdk.SecureStore
import java.io.File
import kotlin.coroutines.cancellation.CancellationException

/**
 * A bindings client for a push that woke the app while nobody had opened it: the saved account,
 * restored from the secure store without the password and without starting sync. Null when no
 * account is saved, or when the app already runs a session (see android/README.md: the running
 * session's client is not reachable through libraries/api yet).
 */
class PushClients(
    private val dataDir: File,
    private val secureStore: SecureStore,
    private val sessionRunning: () -> Boolean,
) {
    private var restored: Client? = null

    suspend fun client(): Client? {
        if (sessionRunning()) return null
        restored?.let { return it }
        return try {
            ClientBuilder(RESTORE_HOMESERVER, dataDir.path, secureStore).use { it.restore() }
                .also { restored = it }
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            null
        }
    }

    private companion object {
        /** restore() reads the homeserver from the saved session. */
        const val RESTORE_HOMESERVER = "https://restore.invalid"
    }
}
