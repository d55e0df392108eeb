package fr.innomed.android.app.ui

import android.graphics.BitmapFactory
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.graphics.asImageBitmap
import fr.innomed.android.api.conversation.ImageBytes
import java.io.File
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * Decrypted photos are decoded in memory only, off the main thread, and scaled down so the
 * longest side is at most [maxSide] pixels (a full image never needs more than the screen).
 * Nothing is written to disk or to the gallery.
 */
@Composable
fun rememberImage(image: ImageBytes?, maxSide: Int = FULL_SIDE): ImageBitmap? {
    // Keyed on the image: the previous one stays on screen until the next is decoded.
    val decoded by produceState<ImageBitmap?>(null, image, maxSide) {
        if (image != null) {
            value = withContext(Dispatchers.Default) { decode(maxSide) { BitmapFactory.decodeByteArray(image.bytes, 0, image.size, it) } }
        }
    }
    return decoded
}

/** A small preview of a camera photo still in the app's private folder (not sent yet). */
@Composable
fun rememberPreview(file: File?, maxSide: Int = PREVIEW_SIDE): ImageBitmap? {
    val decoded by produceState<ImageBitmap?>(null, file, maxSide) {
        value = file?.let { withContext(Dispatchers.IO) { decode(maxSide) { options -> BitmapFactory.decodeFile(it.path, options) } } }
    }
    return decoded
}

/** Reads the size first, then decodes with the power-of-two sample that fits [maxSide]. */
private inline fun decode(maxSide: Int, read: (BitmapFactory.Options) -> android.graphics.Bitmap?): ImageBitmap? {
    val bounds = BitmapFactory.Options().apply { inJustDecodeBounds = true }
    read(bounds)
    if (bounds.outWidth <= 0 || bounds.outHeight <= 0) return null
    var sample = 1
    while (maxOf(bounds.outWidth, bounds.outHeight) / (sample * 2) >= maxSide) sample *= 2
    return read(BitmapFactory.Options().apply { inSampleSize = sample })?.asImageBitmap()
}

private const val FULL_SIDE = 2048
private const val PREVIEW_SIDE = 640
