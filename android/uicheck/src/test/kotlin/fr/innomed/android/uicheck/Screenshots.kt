package fr.innomed.android.uicheck

import android.content.res.Configuration
import android.graphics.BitmapFactory
import android.os.LocaleList
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.snapshots.Snapshot
import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalConfiguration
import androidx.compose.ui.unit.Density
import fr.innomed.android.ui.theme.InnomedTheme
import java.awt.image.BufferedImage
import java.io.ByteArrayInputStream
import java.io.File
import java.util.Locale
import java.util.TimeZone
import javax.imageio.ImageIO
import kotlin.math.abs
import org.jetbrains.skia.EncodedImageFormat

/** How a screen is seen: the phone's language and its light or dark theme. */
enum class Variant(val locale: Locale, val dark: Boolean, val suffix: String) {
    FR_LIGHT(Locale.FRENCH, false, "fr"),
    FR_DARK(Locale.FRENCH, true, "fr-dark"),
    EN_LIGHT(Locale.ENGLISH, false, "en"),
    EN_DARK(Locale.ENGLISH, true, "en-dark"),
}

/**
 * Draws a screen as a phone would (360 × 760 dp at 1.5×: 540 × 1140 px), with the app's theme and
 * the variant's language, and compares it with its committed reference image in
 * `android/uicheck/screenshots/` (`-Dscreenshots=record` writes them instead: `cargo xtask
 * screens --record`). A difference writes the new image and a diff image under
 * `target/screenshot-diffs/`.
 */
object Screenshots {
    private const val WIDTH_DP = 360
    private const val HEIGHT_DP = 760
    private const val DENSITY = 1.5f

    /** A channel differing by more than this counts; anti-aliasing may move a little. */
    private const val CHANNEL_TOLERANCE = 24

    /**
     * Differing pixels allowed: none but stray anti-aliasing. One letter changed in a title
     * moves a few hundred.
     */
    private const val PIXEL_TOLERANCE = 8

    /** The frame time every render uses: animations (progress indicators) stand still. */
    private const val FRAME_NANOS = 400_000_000L

    private const val STILL_NANOS = 500_000_000L
    private const val MAX_NANOS = 10_000_000_000L

    private val referenceDir = File(property("innomed.screenshots.dir"))
    private val diffDir = File(property("innomed.screenshots.diffs"))
    val recording: Boolean get() = System.getProperty("innomed.screenshots.mode") == "record"

    /** Reference images each name stands for, as rendered in this run. */
    val produced: MutableSet<String> = mutableSetOf()

    /** Draws [content] in every variant; returns what differs from the reference images. */
    fun check(name: String, content: @Composable () -> Unit): List<String> =
        Variant.entries.mapNotNull { variant -> compare("$name-${variant.suffix}", render(variant, content)) }

    fun render(variant: Variant, content: @Composable () -> Unit): ByteArray {
        Locale.setDefault(variant.locale)
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"))
        val scene = ImageComposeScene(
            width = (WIDTH_DP * DENSITY).toInt(),
            height = (HEIGHT_DP * DENSITY).toInt(),
            density = Density(DENSITY),
        ) {
            CompositionLocalProvider(LocalConfiguration provides Configuration(LocaleList(variant.locale))) {
                InnomedTheme(darkTheme = variant.dark) {
                    Surface(Modifier.fillMaxSize(), color = MaterialTheme.colorScheme.background) { content() }
                }
            }
        }
        try {
            return settled {
                // State written off the main thread (a decoded photo) reaches the composition.
                Snapshot.sendApplyNotifications()
                scene.render(FRAME_NANOS).encodeToData(EncodedImageFormat.PNG)!!.bytes
            }
        } finally {
            scene.close()
        }
    }

    /**
     * Renders until no photo is being decoded and the frame has not changed for [STILL_NANOS]:
     * images decode off the main thread and effects post state, so one quiet frame is not
     * enough. A screen that never settles within [MAX_NANOS] is drawn as it is then.
     */
    private fun settled(frame: () -> ByteArray): ByteArray {
        val start = System.nanoTime()
        var last = frame()
        var stillSince = start
        while (System.nanoTime() - stillSince < STILL_NANOS && System.nanoTime() - start < MAX_NANOS) {
            Thread.sleep(20)
            val next = frame()
            if (!next.contentEquals(last) || BitmapFactory.decodesInFlight > 0) stillSince = System.nanoTime()
            last = next
        }
        return last
    }

    private fun compare(name: String, png: ByteArray): String? {
        produced += name
        val reference = File(referenceDir, "$name.png")
        if (recording) {
            referenceDir.mkdirs()
            reference.writeBytes(png)
            return null
        }
        if (!reference.isFile) return "$name: no reference image (cargo xtask screens --record)"
        val expected = ImageIO.read(reference)
        val actual = ImageIO.read(ByteArrayInputStream(png))
        val differing = differingPixels(expected, actual)
        val total = actual.width * actual.height
        if (differing != null && differing <= PIXEL_TOLERANCE) return null
        diffDir.mkdirs()
        File(diffDir, "$name.png").writeBytes(png)
        if (differing != null) ImageIO.write(diffImage(expected, actual), "png", File(diffDir, "$name.diff.png"))
        return "$name: " + (differing?.let { "$it of $total pixels differ" } ?: "size changed") +
            " (new image and diff in ${diffDir.path})"
    }

    /** Null when the sizes differ. */
    private fun differingPixels(a: BufferedImage, b: BufferedImage): Int? {
        if (a.width != b.width || a.height != b.height) return null
        var count = 0
        for (y in 0 until a.height) for (x in 0 until a.width) if (differs(a.getRGB(x, y), b.getRGB(x, y))) count++
        return count
    }

    private fun differs(p: Int, q: Int): Boolean =
        (0 until 32 step 8).any { shift -> abs((p ushr shift and 0xff) - (q ushr shift and 0xff)) > CHANNEL_TOLERANCE }

    /** The reference faded, with the differing pixels in red. */
    private fun diffImage(expected: BufferedImage, actual: BufferedImage): BufferedImage {
        val out = BufferedImage(actual.width, actual.height, BufferedImage.TYPE_INT_RGB)
        for (y in 0 until actual.height) for (x in 0 until actual.width) {
            val a = actual.getRGB(x, y)
            out.setRGB(x, y, if (differs(expected.getRGB(x, y), a)) 0xff0000 else fade(a))
        }
        return out
    }

    private fun fade(rgb: Int): Int {
        val grey = ((rgb shr 16 and 0xff) + (rgb shr 8 and 0xff) + (rgb and 0xff)) / 3
        val light = 255 - (255 - grey) / 4
        return light shl 16 or (light shl 8) or light
    }

    /** Reference images no screen produced any more (a screen or state removed). */
    fun stale(): List<String> =
        referenceDir.listFiles { f -> f.name.endsWith(".png") }.orEmpty().map { it.name.removeSuffix(".png") }.filter { it !in produced }.sorted()

    private fun property(name: String): String = System.getProperty(name) ?: error("system property $name (set by the pom)")
}
