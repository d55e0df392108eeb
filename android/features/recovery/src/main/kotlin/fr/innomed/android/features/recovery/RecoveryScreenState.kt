package fr.innomed.android.features.recovery

import fr.innomed.android.api.Secret
import fr.innomed.android.api.trust.RecoveryStatus
import fr.innomed.android.api.trust.TrustError

data class RecoveryScreenState(
    /** Which screen: wait, create the key, enter it, or nothing to do. */
    val recovery: RecoveryStatus = RecoveryStatus.UNKNOWN,
    val keyInput: Secret = Secret.Empty,
    /** The key just created, shown once until the doctor says it is saved. */
    val newKey: Secret? = null,
    val busy: Boolean = false,
    /** Submitted without a key. */
    val keyMissing: Boolean = false,
    val error: TrustError? = null,
    /** The key was accepted: this device is verified and reads the old history. */
    val recovered: Boolean = false,
) {
    val canEnable: Boolean get() = recovery == RecoveryStatus.DISABLED && !busy && newKey == null
    val canSubmitKey: Boolean get() = recovery == RecoveryStatus.INCOMPLETE && !busy && !recovered
}

sealed interface RecoveryEvent {
    data object Enable : RecoveryEvent

    /** The doctor wrote the new key down: it leaves the screen's memory. */
    data object NewKeySaved : RecoveryEvent

    data class KeyChanged(val key: Secret) : RecoveryEvent

    data object SubmitKey : RecoveryEvent

    data object DismissError : RecoveryEvent
}
