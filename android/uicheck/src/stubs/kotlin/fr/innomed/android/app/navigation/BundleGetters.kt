// STUB (type-check only). On Android, NavBackStackEntry.arguments is an android.os.Bundle
// (androidx.savedstate.SavedState is a typealias for it there) and has Bundle's getters; on the
// desktop SavedState is its own class without them. This gives InnomedNavHost.kt the one getter
// it calls, with Bundle's signature.
package fr.innomed.android.app.navigation

import androidx.savedstate.SavedState

internal fun SavedState.getString(key: String): String? = throw UnsupportedOperationException("uicheck stub")
