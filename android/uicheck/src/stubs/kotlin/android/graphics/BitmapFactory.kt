// STUB (type-check only): android.graphics.Bitmap (opaque) and the BitmapFactory decoders that
// ui/Images.kt uses. Java signatures as in the Android SDK: the decoders return null when the
// data cannot be decoded (and always with inJustDecodeBounds), hence Bitmap?.
package android.graphics

class Bitmap private constructor()

class BitmapFactory {
    class Options {
        @JvmField var inJustDecodeBounds: Boolean = false
        @JvmField var inSampleSize: Int = 0
        @JvmField var outWidth: Int = 0
        @JvmField var outHeight: Int = 0
    }

    companion object {
        @JvmStatic
        fun decodeByteArray(data: ByteArray, offset: Int, length: Int, opts: Options?): Bitmap? = stub()

        @JvmStatic
        fun decodeFile(pathName: String?, opts: Options?): Bitmap? = stub()
    }
}

private fun stub(): Nothing = throw UnsupportedOperationException("uicheck stub: type-check only")
