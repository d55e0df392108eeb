// STUB (type-check only): BiometricPrompt needs a FragmentActivity (lock/DeviceUnlock.kt).
package androidx.fragment.app

import android.content.Context

open class FragmentActivity : Context()
