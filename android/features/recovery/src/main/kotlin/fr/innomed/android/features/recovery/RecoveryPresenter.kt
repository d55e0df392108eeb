package fr.innomed.android.features.recovery

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.trust.RecoveryStatus
import fr.innomed.android.api.trust.TrustService
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch

/**
 * The recovery key: created once on the first device (and shown once), entered on a new one.
 * While the state is not known (before the first sync) it is read again every [pollMillis].
 */
class RecoveryPresenter(
    private val scope: CoroutineScope,
    private val trust: TrustService,
    private val pollMillis: Long = 1_000,
) : Presenter<RecoveryScreenState, RecoveryEvent> {
    private val mutableState = MutableStateFlow(RecoveryScreenState(recovery = trust.recoveryStatus()))
    override val state: StateFlow<RecoveryScreenState> = mutableState.asStateFlow()

    init {
        scope.launch {
            while (isActive && mutableState.value.recovery == RecoveryStatus.UNKNOWN) {
                delay(pollMillis)
                val now = trust.recoveryStatus()
                mutableState.update { if (it.recovery == RecoveryStatus.UNKNOWN) it.copy(recovery = now) else it }
            }
        }
    }

    override fun onEvent(event: RecoveryEvent) {
        when (event) {
            RecoveryEvent.Enable -> enable()
            RecoveryEvent.NewKeySaved -> mutableState.update { it.copy(newKey = null) }
            is RecoveryEvent.KeyChanged -> mutableState.update { it.copy(keyInput = event.key, keyMissing = false, error = null) }
            RecoveryEvent.SubmitKey -> submit()
            RecoveryEvent.DismissError -> mutableState.update { it.copy(error = null) }
        }
    }

    private fun enable() {
        if (!mutableState.value.canEnable) return
        mutableState.update { it.copy(busy = true, error = null) }
        scope.launch {
            val result = trust.enableRecovery()
            mutableState.update {
                when (result) {
                    is Outcome.Success -> it.copy(busy = false, newKey = result.value, recovery = RecoveryStatus.ENABLED)
                    is Outcome.Failure -> it.copy(busy = false, error = result.error, recovery = trust.recoveryStatus())
                }
            }
        }
    }

    private fun submit() {
        val current = mutableState.value
        if (!current.canSubmitKey) return
        if (current.keyInput.isBlank) {
            mutableState.update { it.copy(keyMissing = true) }
            return
        }
        mutableState.update { it.copy(busy = true, error = null) }
        scope.launch {
            val result = trust.recover(current.keyInput)
            mutableState.update {
                when (result) {
                    is Outcome.Success -> it.copy(
                        busy = false,
                        keyInput = Secret.Empty,
                        recovered = true,
                        recovery = RecoveryStatus.ENABLED,
                    )
                    // A wrong key changes nothing; the input stays for correcting a typo.
                    is Outcome.Failure -> it.copy(busy = false, error = result.error)
                }
            }
        }
    }
}
