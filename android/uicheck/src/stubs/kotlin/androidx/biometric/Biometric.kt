// STUB (type-check only): androidx.biometric 1.1.0, the API lock/DeviceUnlock.kt calls, with
// the library's signatures and constant values. Nothing here prompts anybody.
package androidx.biometric

import android.content.Context
import androidx.fragment.app.FragmentActivity
import java.util.concurrent.Executor

class BiometricManager private constructor() {
    fun canAuthenticate(authenticators: Int): Int = BIOMETRIC_ERROR_NONE_ENROLLED

    object Authenticators {
        const val BIOMETRIC_STRONG: Int = 0x000F
        const val BIOMETRIC_WEAK: Int = 0x00FF
        const val DEVICE_CREDENTIAL: Int = 1 shl 15
    }

    companion object {
        const val BIOMETRIC_SUCCESS: Int = 0
        const val BIOMETRIC_ERROR_HW_UNAVAILABLE: Int = 1
        const val BIOMETRIC_ERROR_NONE_ENROLLED: Int = 11
        const val BIOMETRIC_ERROR_NO_HARDWARE: Int = 12

        @JvmStatic
        fun from(context: Context): BiometricManager = BiometricManager()
    }
}

class BiometricPrompt(activity: FragmentActivity, executor: Executor, callback: AuthenticationCallback) {
    fun authenticate(info: PromptInfo) {}
    fun cancelAuthentication() {}

    class AuthenticationResult private constructor()

    abstract class AuthenticationCallback {
        open fun onAuthenticationError(errorCode: Int, errString: CharSequence) {}
        open fun onAuthenticationSucceeded(result: AuthenticationResult) {}
        open fun onAuthenticationFailed() {}
    }

    class PromptInfo private constructor() {
        class Builder {
            fun setTitle(title: CharSequence): Builder = this
            fun setSubtitle(subtitle: CharSequence?): Builder = this
            fun setDescription(description: CharSequence?): Builder = this
            fun setNegativeButtonText(text: CharSequence): Builder = this
            fun setConfirmationRequired(required: Boolean): Builder = this
            fun setAllowedAuthenticators(authenticators: Int): Builder = this
            fun build(): PromptInfo = PromptInfo()
        }
    }
}
