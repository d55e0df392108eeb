// STUB (type-check only): android.net.Uri, opaque, plus the static encode() and parse().
package android.net

abstract class Uri : android.os.Parcelable {
    companion object {
        @JvmStatic
        fun encode(s: String?): String? = throw UnsupportedOperationException("uicheck stub")

        @JvmStatic
        fun parse(uriString: String): Uri = throw UnsupportedOperationException("uicheck stub")
    }
}
