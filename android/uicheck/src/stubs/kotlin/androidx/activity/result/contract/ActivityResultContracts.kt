// STUB (type-check only): androidx.activity 1.11's result contracts the included files use.
package androidx.activity.result.contract

import android.net.Uri

abstract class ActivityResultContract<I, O>

class ActivityResultContracts private constructor() {
    class RequestPermission : ActivityResultContract<String, Boolean>()
    open class TakePicture : ActivityResultContract<Uri, Boolean>()
    open class OpenMultipleDocuments : ActivityResultContract<Array<String>, List<@JvmSuppressWildcards Uri>>()
}
