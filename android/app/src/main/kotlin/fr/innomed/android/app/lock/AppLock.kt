package fr.innomed.android.app.lock

import android.os.SystemClock
import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * The app lock: locked at start, and again when the app comes back after [timeoutMillis] or
 * more in the background. Observes the process lifecycle (ProcessLifecycleOwner), so switching
 * between the app's own screens never locks.
 */
class AppLock(
    private val timeoutMillis: Long = 30_000,
    private val clock: () -> Long = SystemClock::elapsedRealtime,
) : DefaultLifecycleObserver {
    private val lockedFlow = MutableStateFlow(true)
    val locked: StateFlow<Boolean> = lockedFlow.asStateFlow()

    private var backgroundSince: Long? = null

    override fun onStop(owner: LifecycleOwner) {
        backgroundSince = clock()
    }

    override fun onStart(owner: LifecycleOwner) {
        val since = backgroundSince ?: return
        backgroundSince = null
        if (clock() - since >= timeoutMillis) lockedFlow.value = true
    }

    /** The doctor passed the biometric or PIN prompt. */
    fun unlock() {
        lockedFlow.value = false
    }

    fun lock() {
        lockedFlow.value = true
    }
}
