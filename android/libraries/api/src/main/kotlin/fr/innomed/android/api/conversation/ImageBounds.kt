package fr.innomed.android.api.conversation

/**
 * How large an image may be before this phone decodes it, and at what size it is decoded.
 *
 * Why: photos and thumbnails received in a case are bytes chosen by another case member. A
 * hostile member can send a decompression bomb, a small file whose header declares, say,
 * 30000 × 30000 pixels (3.6 GB once decoded). So the header is read first, an image over these
 * limits is never decoded, and any other is decoded subsampled to the size it is shown at. The
 * iOS app has the same limits under the same names (`ImageLimits` in `BoundedImage.swift`).
 */
data class ImageLimits(val maxBytes: Long, val maxPixels: Long) {
    init {
        // So a long edge within the limit, and the sample size for it, fit in an Int.
        require(maxBytes >= 0 && maxPixels in 1..(1L shl 30)) { "limits out of range" }
    }

    companion object {
        /** Larger files are not decoded (the core sends JPEGs of at most 2048 px, far smaller). */
        const val MAX_IMAGE_BYTES: Long = 25L * 1024 * 1024

        /** Width × height as the header says; more is refused before any pixel is decoded. */
        const val MAX_IMAGE_PIXELS: Long = 50_000_000

        /** The long edge a full image is decoded to, at most (the core sends at most 2048 px). */
        const val FULL_IMAGE_EDGE: Int = 2048

        /** The long edge a thumbnail is decoded to, at most (the core makes them 320 px). */
        const val THUMBNAIL_EDGE: Int = 320

        /** For photos and thumbnails received from case members. */
        val RECEIVED = ImageLimits(MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS)

        /**
         * For the preview of this phone's own camera file before it is sent: the core's own
         * limits for a photo to send (30 MB, 100 MP), so a photo the core would send is
         * previewed, and one it would refuse is not decoded here either.
         */
        val CAMERA = ImageLimits(30L * 1024 * 1024, 100_000_000)
    }
}

/** What to do with an image, decided from its byte count and its header alone. */
sealed interface ImageDecodePlan {
    /** Decode it, keeping one pixel in [sampleSize] along each side (a power of two). */
    data class Decode(val sampleSize: Int) : ImageDecodePlan

    /** Over the limits: not decoded; the screen says the image is too large to display. */
    data object TooLarge : ImageDecodePlan

    /** No usable header (no size, or a size of zero or less): not decoded. */
    data object Unreadable : ImageDecodePlan
}

/**
 * The plan for an image of [byteCount] bytes whose header says [width] × [height] (zero or less
 * when the header could not be read), to be shown with its long edge at most [maxEdge] pixels.
 *
 * The sample size is the smallest power of two that brings the long edge down to [maxEdge]:
 * decoders round the subsampled size up, so a long edge L decoded with sample S is at most
 * ceil(L / S) pixels, and that is what is kept under [maxEdge].
 */
fun planImageDecode(
    byteCount: Long,
    width: Int,
    height: Int,
    maxEdge: Int,
    limits: ImageLimits = ImageLimits.RECEIVED,
): ImageDecodePlan {
    require(maxEdge > 0) { "maxEdge must be positive" }
    if (byteCount > limits.maxBytes) return ImageDecodePlan.TooLarge
    if (width <= 0 || height <= 0) return ImageDecodePlan.Unreadable
    if (width.toLong() * height.toLong() > limits.maxPixels) return ImageDecodePlan.TooLarge
    // Within the pixel limit, the long edge is at most 2^30: the sample size fits in an Int.
    val longEdge = maxOf(width, height).toLong()
    var sample = 1L
    while ((longEdge + sample - 1) / sample > maxEdge) sample *= 2
    return ImageDecodePlan.Decode(sample.toInt())
}
