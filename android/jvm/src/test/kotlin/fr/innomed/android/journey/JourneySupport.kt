package fr.innomed.android.journey

import fr.innomed.android.impl.PlatformTls
import fr.innomed.android.impl.RustSessionService
import fr.innomed.core.DutySlot
import fr.innomed.core.NewMember
import fr.innomed.core.Session
import fr.innomed.core.Weekday
import fr.innomed.sdk.Client
import fr.innomed.sdk.ClientBuilder
import fr.innomed.sdk.PlatformConfig
import fr.innomed.sdk.SecureStore
import java.awt.image.BufferedImage
import java.io.File
import java.nio.file.Files
import javax.imageio.ImageIO
import kotlin.random.Random
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout
import fr.innomed.core.Profession as SdkProfession
import fr.innomed.core.RecoveryStatus as SdkRecoveryStatus

/** The homeserver this run started (`cargo xtask homeserver`, or `cargo xtask test`). */
val homeserverUrl: String by lazy {
    System.getenv("INNOMED_HOMESERVER_URL")
        ?: error(
            "INNOMED_HOMESERVER_URL is not set: start a Synapse with `cargo xtask homeserver` and pass its URL " +
                "(the presenter tests need none: -Dtest='*PresenterTest,ModuleBoundaryTest')",
        )
}

const val PASSWORD = "correct horse battery staple"
const val WAIT_MS = 60_000L

/** Logs at warn, ids only (the bindings' own filter); one runtime for the test JVM. */
val platform = PlatformConfig(logFilter = "warn", workerThreads = 2u)

fun marker(prefix: String) = prefix + Random.nextLong().toULong().toString(16)

/** The Keystore's stand-in: a phone's secure storage, in memory. */
class MemorySecureStore : SecureStore {
    @Volatile private var session: Session? = null

    @Volatile private var key: ByteArray? = null

    override fun readSession() = session

    override fun writeSession(session: Session) {
        this.session = session
    }

    override fun deleteSession() {
        session = null
    }

    override fun readStoreKey() = key?.copyOf()

    override fun writeStoreKey(key: ByteArray) {
        this.key = key.copyOf()
    }

    override fun deleteStoreKey() {
        key = null
    }
}

private fun tempDir(name: String): File =
    Files.createTempDirectory("innomed-android-$name").toFile().also { dir ->
        Runtime.getRuntime().addShutdownHook(Thread { dir.deleteRecursively() })
    }

/** A doctor's phone running the app's Rust-backed services, with its own folder and secure store. */
class Phone(name: String) {
    private val dir = tempDir(name)

    /** The app's private folder for camera photos (`files/photos/` on a phone). */
    val photos = File(dir, "photos").apply { mkdirs() }
    val sessions = RustSessionService(
        dataDir = File(dir, "data"),
        secureStore = MemorySecureStore(),
        reportsDir = File(dir, "reports"),
        // On the JVM the verifier reads the system's CA files itself: nothing to hand it.
        tls = PlatformTls.NONE,
        platform = platform,
    )
}

/**
 * A doctor's first device (the desk computer), straight on the bindings: it registers the
 * account (test homeservers allow it; the app only signs in), joins the CPTS and creates the
 * recovery key that the phone will ask for.
 */
class Desk private constructor(private val client: Client) {
    val userId: String get() = client.userId()

    suspend fun enableRecovery(): String {
        eventually("recovery status known on the desk") { client.recoveryStatus().takeIf { it == SdkRecoveryStatus.DISABLED } }
        return client.enableRecovery()
    }

    suspend fun joinCpts(spaceId: String) {
        eventually("the CPTS invitation") { runCatching { client.cpts(spaceId) }.getOrNull() }.use { it.join() }
    }

    /** A coordinator's desk: the CPTS with both doctors in its directory, the specialist always on duty. */
    suspend fun createCpts(gp: Desk, specialist: Desk, specialty: String): String =
        client.createCpts("CPTS ${marker("T")}").use { cpts ->
            cpts.addMember(gp.userId, NewMember("Dr Gilles Martin", SdkProfession.PHYSICIAN, listOf("general_practice"), fakeRpps(), false))
            cpts.addMember(specialist.userId, NewMember("Dr Nadia Benali", SdkProfession.PHYSICIAN, listOf(specialty), fakeRpps(), false))
            cpts.setDuty(specialist.userId, Weekday.entries.map { DutySlot(specialty, it, 0u, 1440u) })
            cpts.spaceId()
        }

    suspend fun close() {
        client.shutdown()
        client.close()
    }

    companion object {
        suspend fun register(name: String): Desk {
            val dir = tempDir("$name-desk")
            val client = ClientBuilder(homeserverUrl, File(dir, "data").path, MemorySecureStore())
                .use { it.register("$name-${Random.nextInt(0, Int.MAX_VALUE)}", PASSWORD) }
            client.startSync()
            client.waitUntilSynced(WAIT_MS.toULong())
            return Desk(client)
        }
    }
}

/** An 11-digit RPPS number whose last digit is the Luhn key of the first ten. */
fun fakeRpps(): String {
    val first = "10" + Random.nextInt(0, 100_000_000).toString().padStart(8, '0')
    return (0..9).map { first + it }.first { digits ->
        digits.reversed().mapIndexed { i, c ->
            val d = c.digitToInt()
            if (i % 2 == 1) (d * 2).let { if (it > 9) it - 9 else it } else d
        }.sum() % 10 == 0
    }
}

/** Polls [check] until it returns non-null, or fails after [WAIT_MS] naming [what]. */
suspend fun <T : Any> eventually(what: String, check: suspend () -> T?): T =
    try {
        withTimeout(WAIT_MS) {
            var value = check()
            while (value == null) {
                delay(100)
                value = check()
            }
            value
        }
    } catch (e: TimeoutCancellationException) {
        throw AssertionError("timed out waiting for: $what", e)
    }

/** What the camera app writes: a 640×480 JPEG (a skin-coloured field with a darker spot). */
fun cameraJpeg(folder: File): File {
    val image = BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB)
    for (y in 0 until image.height) {
        for (x in 0 until image.width) {
            val spot = (x - 320) * (x - 320) + (y - 240) * (y - 240) < 60 * 60
            image.setRGB(x, y, if (spot) 0x5A3228 else 0xC8967A + (x * 31 + y * 17) % 16)
        }
    }
    return File(folder, "capture-${Random.nextInt(0, Int.MAX_VALUE)}.jpg").also { check(ImageIO.write(image, "jpg", it)) }
}

/** Width and height of an image the app received, decoded as a phone would. */
fun dimensions(bytes: ByteArray): Pair<Int, Int> {
    val image = ImageIO.read(bytes.inputStream()) ?: error("not an image (${bytes.size} bytes)")
    return image.width to image.height
}
