package fr.innomed.android.impl

import fr.innomed.core.AccountException
import fr.innomed.sdk.TaskHandle
import kotlinx.coroutines.channels.ProducerScope
import kotlinx.coroutines.channels.awaitClose

/**
 * Follows a subscription of the core until the collector goes: [subscribe] starts it, and the
 * `TaskHandle` is cancelled and freed when the flow is closed. A session that ended (the client
 * is closed) closes the flow at once: nothing to follow, and the session service tells the app.
 */
internal suspend fun ProducerScope<*>.follow(subscribe: () -> TaskHandle) {
    val handle = try {
        subscribe()
    } catch (e: AccountException) {
        close()
        null
    }
    awaitClose {
        handle?.cancel()
        handle?.close()
    }
}
