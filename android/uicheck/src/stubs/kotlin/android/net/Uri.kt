// STUB (type-check only): android.net.Uri, opaque, plus the static encode().
package android.net

abstract class Uri {
    companion object {
        @JvmStatic
        fun encode(s: String?): String? = throw UnsupportedOperationException("uicheck stub")
    }
}
