// STUB (type-check only): android.content.ContentResolver, the calls the included files make,
// with the platform's signatures.
package android.content

import android.database.Cursor
import android.net.Uri
import java.io.InputStream

abstract class ContentResolver {
    fun openInputStream(uri: Uri): InputStream? = throw UnsupportedOperationException("uicheck stub")

    fun getType(url: Uri): String? = throw UnsupportedOperationException("uicheck stub")

    fun query(
        uri: Uri,
        projection: Array<String>?,
        selection: String?,
        selectionArgs: Array<String>?,
        sortOrder: String?,
    ): Cursor? = throw UnsupportedOperationException("uicheck stub")
}
