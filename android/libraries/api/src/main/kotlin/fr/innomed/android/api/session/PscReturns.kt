package fr.innomed.android.api.session

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.getAndUpdate

/**
 * The address the Pro Santé Connect page came back to (the app's redirect, caught by the app),
 * waiting for the sign-in screen. Handed out once; a later return replaces one not taken yet.
 * It carries a login token: never logged.
 */
class PscReturns {
    private val pendingFlow = MutableStateFlow<String?>(null)

    /** The address waiting; the sign-in screen watches it to [take] it. */
    val pending: StateFlow<String?> = pendingFlow.asStateFlow()

    fun returned(callbackUrl: String?) {
        if (!callbackUrl.isNullOrBlank()) pendingFlow.value = callbackUrl
    }

    fun take(): String? = pendingFlow.getAndUpdate { null }

    override fun toString() = "PscReturns(pending=${pendingFlow.value != null})"
}
