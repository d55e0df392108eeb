// STUB (type-check only): android.database.Cursor, as far as the included files use it.
package android.database

import java.io.Closeable

interface Cursor : Closeable {
    fun moveToFirst(): Boolean

    fun getString(columnIndex: Int): String?
}
