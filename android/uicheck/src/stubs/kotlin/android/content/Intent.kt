// STUB (type-check only): android.content.Intent and ClipData, the calls the included files make,
// with the platform's signatures.
package android.content

import android.net.Uri

open class Intent(val action: String?) {
    constructor(action: String?, uri: Uri?) : this(action)

    var clipData: ClipData? = null

    fun setDataAndType(data: Uri?, type: String?): Intent = this
    fun setType(type: String?): Intent = this
    fun addFlags(flags: Int): Intent = this
    fun putExtra(name: String, value: android.os.Parcelable?): Intent = this

    companion object {
        const val ACTION_VIEW = "android.intent.action.VIEW"
        const val ACTION_SEND = "android.intent.action.SEND"
        const val ACTION_DIAL = "android.intent.action.DIAL"
        const val EXTRA_STREAM = "android.intent.extra.STREAM"
        const val FLAG_GRANT_READ_URI_PERMISSION = 0x00000001
        const val FLAG_ACTIVITY_NEW_TASK = 0x10000000

        @JvmStatic
        fun createChooser(target: Intent, title: CharSequence?): Intent = target
    }
}

class ClipData private constructor() {
    companion object {
        @JvmStatic
        fun newRawUri(label: CharSequence?, uri: Uri): ClipData = ClipData()
    }
}
