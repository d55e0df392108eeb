package fr.innomed.android.features.settings

import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.session.SignOutResult
import fr.innomed.android.api.trust.RecoveryStatus

data class SettingsState(
    /** The signed-in doctor. */
    val userId: UserId,
    /** This phone's identifier (a colleague verifying the doctor may have to pick it). */
    val deviceId: DeviceId? = null,
    /** Whether the doctor's identity signed this device; null until read. */
    val deviceVerified: Boolean? = null,
    /** Whether the account has a recovery key, and this device with it. */
    val recovery: RecoveryStatus = RecoveryStatus.UNKNOWN,
    val signingOut: Boolean = false,
    /** How the last sign-out ended; the screen says so when it [SignOutResult.FAILED]. */
    val signOutResult: SignOutResult? = null,
) {
    /** Signing out without any recovery key may lose the cases' history: the screen warns. */
    val noRecoveryKey: Boolean get() = recovery == RecoveryStatus.DISABLED

    val canSignOut: Boolean get() = !signingOut
}

/**
 * What the doctor does on the settings screen. Opening the recovery or verification screen is
 * navigation, not an event: the view calls its own callbacks for those.
 */
sealed interface SettingsEvent {
    /** The screen shows again (back from verifying or entering the key): read the device's trust again. */
    data object Refresh : SettingsEvent

    data object SignOut : SettingsEvent
}
