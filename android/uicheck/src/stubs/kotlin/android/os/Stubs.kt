// STUB (type-check only): the members of android.os the app's included files use.
package android.os

import java.util.Locale

class LocaleList {
    operator fun get(index: Int): Locale = Locale.ROOT
    fun size(): Int = 0
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
