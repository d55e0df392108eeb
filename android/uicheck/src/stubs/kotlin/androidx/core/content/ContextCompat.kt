// STUB (type-check only): androidx.core's ContextCompat and FileProvider, the calls the included
// files make, with androidx.core 1.17's signatures.
package androidx.core.content

import android.content.Context
import android.net.Uri
import java.io.File
import java.util.concurrent.Executor

object ContextCompat {
    @JvmStatic
    fun getMainExecutor(context: Context): Executor = Executor { it.run() }

    @JvmStatic
    fun checkSelfPermission(context: Context, permission: String): Int = -1
}

open class FileProvider {
    companion object {
        @JvmStatic
        fun getUriForFile(context: Context, authority: String, file: File): Uri =
            throw UnsupportedOperationException("uicheck stub")
    }
}
