// STUB (type-check only): android.provider.OpenableColumns, the column the included files read.
package android.provider

interface OpenableColumns {
    companion object {
        const val DISPLAY_NAME = "_display_name"
    }
}
