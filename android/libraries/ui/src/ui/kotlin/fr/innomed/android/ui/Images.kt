package fr.innomed.android.ui

import android.graphics.Bitmap
import android.graphics.BitmapFactory
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.graphics.asImageBitmap
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.ImageDecodePlan
import fr.innomed.android.api.conversation.ImageLimits
import fr.innomed.android.api.conversation.planImageDecode
import java.io.File
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/** An image on its way to the screen, or why it is not shown. */
sealed interface DecodedImage {
    data object Decoding : DecodedImage

    data class Shown(val bitmap: ImageBitmap) : DecodedImage

    /** Over [ImageLimits]: never decoded. */
    data object TooLarge : DecodedImage

    /** No readable header, or the decoder gave up. */
    data object Unreadable : DecodedImage
}

/**
 * A decrypted photo, decoded in memory only, off the main thread, with its long edge at most
 * [maxEdge] pixels. Its bytes come from another case member: a decompression bomb is refused on
 * its header ([ImageLimits], [planImageDecode]) and nothing is ever decoded at full size.
 * Nothing is written to disk or to the gallery.
 */
@Composable
fun rememberImage(image: ImageBytes?, maxEdge: Int = ImageLimits.FULL_IMAGE_EDGE): DecodedImage {
    // Keyed on the image: the previous one stays on screen until the next is decoded.
    val decoded by produceState<DecodedImage>(DecodedImage.Decoding, image, maxEdge) {
        if (image != null) {
            value = withContext(Dispatchers.Default) {
                decode(image.size.toLong(), maxEdge, ImageLimits.RECEIVED) { BitmapFactory.decodeByteArray(image.bytes, 0, image.size, it) }
            }
        }
    }
    return decoded
}

/**
 * A small preview of a camera photo still in the app's private folder (not sent yet), within
 * the limits the core has for a photo to send ([ImageLimits.CAMERA]).
 */
@Composable
fun rememberPreview(file: File?, maxEdge: Int = PREVIEW_EDGE): DecodedImage {
    val decoded by produceState<DecodedImage>(DecodedImage.Decoding, file, maxEdge) {
        if (file != null) {
            value = withContext(Dispatchers.IO) {
                decode(file.length(), maxEdge, ImageLimits.CAMERA) { BitmapFactory.decodeFile(file.path, it) }
            }
        }
    }
    return decoded
}

/** Reads the header only, then decodes with the power-of-two sample the plan gives, or not at all. */
private inline fun decode(byteCount: Long, maxEdge: Int, limits: ImageLimits, read: (BitmapFactory.Options) -> Bitmap?): DecodedImage {
    val bounds = BitmapFactory.Options().apply { inJustDecodeBounds = true }
    read(bounds)
    return when (val plan = planImageDecode(byteCount, bounds.outWidth, bounds.outHeight, maxEdge, limits)) {
        ImageDecodePlan.TooLarge -> DecodedImage.TooLarge
        ImageDecodePlan.Unreadable -> DecodedImage.Unreadable
        is ImageDecodePlan.Decode -> {
            val bitmap = read(BitmapFactory.Options().apply { inSampleSize = plan.sampleSize })
            if (bitmap != null) DecodedImage.Shown(bitmap.asImageBitmap()) else DecodedImage.Unreadable
        }
    }
}

private const val PREVIEW_EDGE = 640
