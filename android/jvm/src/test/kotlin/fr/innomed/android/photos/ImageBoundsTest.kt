package fr.innomed.android.photos

import fr.innomed.android.api.conversation.ImageDecodePlan
import fr.innomed.android.api.conversation.ImageLimits
import fr.innomed.android.api.conversation.planImageDecode
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Received images are refused over the limits, on their header alone, or decoded to screen size. */
class ImageBoundsTest {
    private val full = ImageLimits.FULL_IMAGE_EDGE
    private val thumbnail = ImageLimits.THUMBNAIL_EDGE
    private val jpeg = 400_000L

    @Test
    fun `the limits are the iOS app's`() {
        assertEquals(25L * 1024 * 1024, ImageLimits.MAX_IMAGE_BYTES)
        assertEquals(50_000_000L, ImageLimits.MAX_IMAGE_PIXELS)
        assertEquals(2048, ImageLimits.FULL_IMAGE_EDGE)
        assertEquals(320, ImageLimits.THUMBNAIL_EDGE)
        assertEquals(ImageLimits(ImageLimits.MAX_IMAGE_BYTES, ImageLimits.MAX_IMAGE_PIXELS), ImageLimits.RECEIVED)
    }

    @Test
    fun `what the core sends is decoded whole`() {
        assertEquals(ImageDecodePlan.Decode(1), planImageDecode(jpeg, 2048, 1536, full))
        assertEquals(ImageDecodePlan.Decode(1), planImageDecode(jpeg, 1536, 2048, full))
        assertEquals(ImageDecodePlan.Decode(1), planImageDecode(20_000, 320, 240, thumbnail))
        assertEquals(ImageDecodePlan.Decode(1), planImageDecode(500, 1, 1, thumbnail))
    }

    @Test
    fun `a larger image is subsampled by the smallest power of two that fits`() {
        assertEquals(ImageDecodePlan.Decode(2), planImageDecode(jpeg, 4000, 3000, full))
        assertEquals(ImageDecodePlan.Decode(2), planImageDecode(jpeg, 3000, 4096, full))
        // 4097 / 2 rounds up to 2049: one pixel too many, so 4.
        assertEquals(ImageDecodePlan.Decode(4), planImageDecode(jpeg, 4097, 100, full))
        assertEquals(ImageDecodePlan.Decode(8), planImageDecode(jpeg, 2048, 1536, thumbnail))
        assertEquals(ImageDecodePlan.Decode(8), planImageDecode(jpeg, 10_000, 5_000, full))
    }

    @Test
    fun `the decoded long edge never exceeds the target, and is not needlessly small`() {
        val edges = (1..5000 step 7) + listOf(2047, 2048, 2049, 4095, 4096, 4097, 8191, 8192, 8193, 49_999, 50_000)
        for (maxEdge in listOf(1, 320, 640, 2048)) {
            for (edge in edges) {
                val plan = planImageDecode(jpeg, edge, 1, maxEdge)
                val sample = (plan as ImageDecodePlan.Decode).sampleSize
                assertTrue(sample > 0 && sample and (sample - 1) == 0, "$sample is a power of two")
                assertTrue(ceil(edge, sample) <= maxEdge, "$edge / $sample fits in $maxEdge")
                assertTrue(sample == 1 || ceil(edge, sample / 2) > maxEdge, "$edge / ${sample / 2} does not fit in $maxEdge")
            }
        }
    }

    @Test
    fun `a decompression bomb is refused on its header, however small the file`() {
        assertEquals(ImageDecodePlan.TooLarge, planImageDecode(40_000, 30_000, 30_000, full))
        assertEquals(ImageDecodePlan.TooLarge, planImageDecode(40_000, 30_000, 30_000, thumbnail))
        assertEquals(ImageDecodePlan.TooLarge, planImageDecode(100, Int.MAX_VALUE, Int.MAX_VALUE, full))
        assertEquals(ImageDecodePlan.TooLarge, planImageDecode(100, 1_000_000, 60, full))
    }

    @Test
    fun `the pixel limit is inclusive`() {
        assertEquals(ImageDecodePlan.Decode(32_768), planImageDecode(jpeg, 50_000_000, 1, full))
        assertEquals(ImageDecodePlan.Decode(8), planImageDecode(jpeg, 10_000, 5_000, full))
        assertEquals(ImageDecodePlan.TooLarge, planImageDecode(jpeg, 50_000_001, 1, full))
        assertEquals(ImageDecodePlan.TooLarge, planImageDecode(jpeg, 10_001, 5_000, full))
    }

    @Test
    fun `a file over the byte limit is refused whatever its header says`() {
        val limit = ImageLimits.MAX_IMAGE_BYTES
        assertEquals(ImageDecodePlan.Decode(1), planImageDecode(limit, 2048, 1536, full))
        assertEquals(ImageDecodePlan.TooLarge, planImageDecode(limit + 1, 2048, 1536, full))
        assertEquals(ImageDecodePlan.TooLarge, planImageDecode(limit + 1, 0, 0, full))
    }

    @Test
    fun `a header without a positive size is unreadable`() {
        for ((width, height) in listOf(0 to 0, 0 to 100, 100 to 0, -1 to 100, 100 to -1, -1 to -1, Int.MIN_VALUE to Int.MIN_VALUE)) {
            assertEquals(ImageDecodePlan.Unreadable, planImageDecode(jpeg, width, height, full), "$width × $height")
        }
    }

    @Test
    fun `the camera preview has the core's sending limits`() {
        // A 64 MP phone photo: previewed (the core sends it), but never accepted from a member.
        assertEquals(ImageDecodePlan.Decode(16), planImageDecode(12_000_000, 9248, 6936, 640, ImageLimits.CAMERA))
        assertEquals(ImageDecodePlan.TooLarge, planImageDecode(12_000_000, 9248, 6936, 640))
        assertEquals(ImageDecodePlan.TooLarge, planImageDecode(12_000_000, 10_001, 10_000, 640, ImageLimits.CAMERA))
        assertEquals(ImageDecodePlan.TooLarge, planImageDecode(30L * 1024 * 1024 + 1, 4000, 3000, 640, ImageLimits.CAMERA))
    }

    @Test
    fun `a target or limits out of range are a programming error`() {
        assertThrows<IllegalArgumentException> { planImageDecode(jpeg, 100, 100, 0) }
        assertThrows<IllegalArgumentException> { ImageLimits(1, 0) }
        assertThrows<IllegalArgumentException> { ImageLimits(1, Long.MAX_VALUE) }
    }

    private fun ceil(a: Int, b: Int): Long = (a.toLong() + b - 1) / b
}
