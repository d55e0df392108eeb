// STUB (type-check only): android.content.Context, as far as the included files use it.
package android.content

import java.io.File

abstract class Context {
    val filesDir: File get() = throw UnsupportedOperationException("uicheck stub")
    val packageName: String get() = throw UnsupportedOperationException("uicheck stub")
    val contentResolver: ContentResolver get() = throw UnsupportedOperationException("uicheck stub")
    fun getString(resId: Int): String = throw UnsupportedOperationException("uicheck stub")
    fun getString(resId: Int, vararg formatArgs: Any): String = throw UnsupportedOperationException("uicheck stub")
    fun startActivity(intent: Intent): Unit = throw UnsupportedOperationException("uicheck stub")
}
