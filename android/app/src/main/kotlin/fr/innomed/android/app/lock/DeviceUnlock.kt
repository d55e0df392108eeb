package fr.innomed.android.app.lock

import android.os.Build
import androidx.biometric.BiometricManager
import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_STRONG
import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_WEAK
import androidx.biometric.BiometricManager.Authenticators.DEVICE_CREDENTIAL
import androidx.biometric.BiometricPrompt
import androidx.core.content.ContextCompat
import androidx.fragment.app.FragmentActivity
import fr.innomed.android.ui.R

/** Why the prompt could not unlock. */
enum class UnlockProblem {
    /** The phone has no screen lock (PIN, pattern, password): the doctor must set one. */
    NO_DEVICE_LOCK,

    /** Cancelled, or too many attempts: the lock screen offers to try again. */
    FAILED,
}

/**
 * Shows the system prompt: biometrics, or the phone's PIN / pattern / password. Android 9-10
 * cannot combine strong biometrics with the device credential, so they use the weak class.
 */
fun promptUnlock(activity: FragmentActivity, onUnlocked: () -> Unit, onProblem: (UnlockProblem) -> Unit) {
    val authenticators = if (Build.VERSION.SDK_INT >= 30) {
        BIOMETRIC_STRONG or DEVICE_CREDENTIAL
    } else {
        BIOMETRIC_WEAK or DEVICE_CREDENTIAL
    }
    if (BiometricManager.from(activity).canAuthenticate(authenticators) != BiometricManager.BIOMETRIC_SUCCESS) {
        onProblem(UnlockProblem.NO_DEVICE_LOCK)
        return
    }
    val callback = object : BiometricPrompt.AuthenticationCallback() {
        override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) = onUnlocked()

        override fun onAuthenticationError(errorCode: Int, errString: CharSequence) = onProblem(UnlockProblem.FAILED)
    }
    val info = BiometricPrompt.PromptInfo.Builder()
        .setTitle(activity.getString(R.string.lock_prompt_title))
        .setSubtitle(activity.getString(R.string.lock_prompt_subtitle))
        .setAllowedAuthenticators(authenticators)
        .build()
    BiometricPrompt(activity, ContextCompat.getMainExecutor(activity), callback).authenticate(info)
}
