// The members of android.os the app's included files use: LocaleList is a JVM STAND-IN (the
// rendering tests choose the screen's language with it); Build, SystemClock and Parcelable are STUBS.
package android.os

import java.util.Locale

class LocaleList(private vararg val locales: Locale) {
    operator fun get(index: Int): Locale = locales[index]
    fun size(): Int = locales.size
}

object Build {
    object VERSION {
        @JvmField
        var SDK_INT: Int = 0
    }
}

object SystemClock {
    @JvmStatic
    fun elapsedRealtime(): Long = 0
}

/** STUB: what a Uri is to Intent.putExtra. */
interface Parcelable
