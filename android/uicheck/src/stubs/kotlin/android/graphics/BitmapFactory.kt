// JVM STAND-IN: android.graphics.Bitmap and the BitmapFactory decoders that ui/Images.kt uses,
// drawn by Skia (the desktop runtime's renderer) so the rendering tests show real photos. Java
// signatures and behaviour as in the Android SDK: the header alone with inJustDecodeBounds
// (returns null, fills outWidth/outHeight), a power-of-two inSampleSize, null when the data
// cannot be decoded.
package android.graphics

import java.io.File
import java.util.concurrent.atomic.AtomicInteger
import org.jetbrains.skia.Codec
import org.jetbrains.skia.Data
import org.jetbrains.skia.Image
import org.jetbrains.skia.Rect
import org.jetbrains.skia.Surface

class Bitmap internal constructor(internal val image: Image) {
    val width: Int get() = image.width
    val height: Int get() = image.height
}

class BitmapFactory {
    class Options {
        @JvmField var inJustDecodeBounds: Boolean = false
        @JvmField var inSampleSize: Int = 0
        @JvmField var outWidth: Int = 0
        @JvmField var outHeight: Int = 0
    }

    companion object {
        private val inFlight = AtomicInteger()

        /**
         * Not Android's: how many decodes run now, so that a drawing test waits for a photo
         * rather than drawing its progress indicator.
         */
        val decodesInFlight: Int get() = inFlight.get()

        @JvmStatic
        fun decodeByteArray(data: ByteArray, offset: Int, length: Int, opts: Options?): Bitmap? =
            counted { decode(data.copyOfRange(offset, offset + length), opts) }

        @JvmStatic
        fun decodeFile(pathName: String?, opts: Options?): Bitmap? =
            counted { pathName?.let { File(it) }?.takeIf { it.isFile }?.let { decode(it.readBytes(), opts) } }

        private inline fun <T> counted(work: () -> T): T {
            inFlight.incrementAndGet()
            try {
                return work()
            } finally {
                inFlight.decrementAndGet()
            }
        }

        private fun decode(bytes: ByteArray, opts: Options?): Bitmap? {
            val codec = runCatching { Codec.makeFromData(Data.makeFromBytes(bytes)) }.getOrNull() ?: return null
            opts?.outWidth = codec.width
            opts?.outHeight = codec.height
            if (opts?.inJustDecodeBounds == true) return null
            val full = runCatching { Image.makeFromEncoded(bytes) }.getOrNull() ?: return null
            // Android rounds the sample down to a power of two.
            val sample = Integer.highestOneBit((opts?.inSampleSize ?: 1).coerceAtLeast(1))
            if (sample == 1) return Bitmap(full)
            val width = (full.width / sample).coerceAtLeast(1)
            val height = (full.height / sample).coerceAtLeast(1)
            val surface = Surface.makeRasterN32Premul(width, height)
            surface.canvas.drawImageRect(full, Rect.makeWH(width.toFloat(), height.toFloat()))
            return Bitmap(surface.makeImageSnapshot())
        }
    }
}
