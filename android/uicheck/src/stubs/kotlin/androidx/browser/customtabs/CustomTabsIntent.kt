// STUB (type-check only): androidx.browser's CustomTabsIntent, as far as navigation/ uses it.
package androidx.browser.customtabs

import android.content.Context
import android.net.Uri

class CustomTabsIntent private constructor() {
    fun launchUrl(context: Context, url: Uri): Unit = throw UnsupportedOperationException("uicheck stub")

    class Builder {
        fun build(): CustomTabsIntent = throw UnsupportedOperationException("uicheck stub")
    }
}
