package fr.innomed.sdk

import fr.innomed.core.*

import java.nio.file.Files
import java.nio.file.Path
import java.util.Properties
import java.util.concurrent.CopyOnWriteArrayList
import kotlin.random.Random
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout

/** The homeserver `cargo xtask test` started for this run (loopback only). */
val homeserverUrl: String =
    System.getenv("INNOMED_HOMESERVER_URL")
        ?: error("INNOMED_HOMESERVER_URL is not set: run the Kotlin tests through `cargo xtask test`")

const val PASSWORD = "correct horse battery staple"
const val WAIT_MS = 60_000L

object Platform {
    init {
        initPlatform(PlatformConfig(logFilter = "warn", workerThreads = 2u))
    }

    fun ensure() = Unit
}

/** A unique string to find (or not) in what crossed the boundary. */
fun marker(prefix: String) = prefix + Random.nextLong().toULong().toString(16)

/**
 * The app's secure storage, as a file in a private folder (the Keystore/Keychain stand-in):
 * a second instance on the same file sees what the first one wrote, as a restarted app would.
 */
class FileSecureStore(private val file: Path) : SecureStore {
    private fun load(): Properties = Properties().also { p ->
        if (Files.exists(file)) Files.newInputStream(file).use { p.load(it) }
    }

    private fun store(p: Properties) = Files.newOutputStream(file).use { p.store(it, null) }

    override fun readSession(): Session? {
        val p = load()
        return Session(
            homeserverUrl = p.getProperty("homeserver") ?: return null,
            userId = p.getProperty("user") ?: return null,
            deviceId = p.getProperty("device") ?: return null,
            accessToken = p.getProperty("token") ?: return null,
            refreshToken = p.getProperty("refresh"),
        )
    }

    override fun writeSession(session: Session) {
        val p = load()
        p.setProperty("homeserver", session.homeserverUrl)
        p.setProperty("user", session.userId)
        p.setProperty("device", session.deviceId)
        p.setProperty("token", session.accessToken)
        session.refreshToken?.let { p.setProperty("refresh", it) } ?: p.remove("refresh")
        store(p)
    }

    override fun deleteSession() {
        val p = load()
        listOf("homeserver", "user", "device", "token", "refresh").forEach { p.remove(it) }
        store(p)
    }

    @OptIn(ExperimentalStdlibApi::class)
    override fun readStoreKey(): ByteArray? = load().getProperty("key")?.hexToByteArray()

    @OptIn(ExperimentalStdlibApi::class)
    override fun writeStoreKey(key: ByteArray) {
        val p = load()
        p.setProperty("key", key.toHexString())
        store(p)
    }

    override fun deleteStoreKey() {
        val p = load()
        p.remove("key")
        store(p)
    }
}

/** Every test device's folder, deleted when the test JVM exits. */
private val deviceDirs: MutableList<Path> = CopyOnWriteArrayList<Path>().also { dirs ->
    Runtime.getRuntime().addShutdownHook(Thread { dirs.forEach { it.toFile().deleteRecursively() } })
}

/** A doctor's phone: its own data folder and secure store. */
class Device(val name: String) {
    val dir: Path = Files.createTempDirectory("innomed-kotlin-$name").also { deviceDirs.add(it) }
    val secureStore = FileSecureStore(dir.resolve("secure.properties"))

    fun builder(url: String = homeserverUrl) =
        ClientBuilder(url, dir.resolve("data").toString(), secureStore)

    /** Registers a fresh account and starts syncing. */
    suspend fun register(): Client {
        Platform.ensure()
        val client = builder().use { it.register("$name-${Random.nextInt(0, Int.MAX_VALUE)}", PASSWORD) }
        client.startSync()
        client.waitUntilSynced(WAIT_MS.toULong())
        return client
    }
}

fun header(marker: String) = CaseHeader(
    patientLabel = "P.$marker",
    ageBand = AgeBand.ADULT,
    sex = Sex.FEMALE,
    reason = "lésion $marker",
    question = "exérèse ? $marker",
    photoConsent = true,
)

fun newCase(marker: String) = NewCase(
    header = header(marker),
    specialty = "dermatology",
    urgency = Urgency.SOON,
    dueMs = null,
)

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
    } catch (e: kotlinx.coroutines.TimeoutCancellationException) {
        throw AssertionError("timed out waiting for: $what", e)
    }

/** Applies diffs to a local copy, as a list adapter would. */
fun <T> MutableList<T>.apply(diff: ListDiff<T>) {
    when (diff) {
        is ListDiff.Append -> addAll(diff.values)
        ListDiff.Clear -> clear()
        is ListDiff.PushFront -> add(0, diff.value)
        is ListDiff.PushBack -> add(diff.value)
        ListDiff.PopFront -> removeAt(0)
        ListDiff.PopBack -> removeAt(size - 1)
        is ListDiff.Insert -> add(diff.index, diff.value)
        is ListDiff.Set -> set(diff.index, diff.value)
        is ListDiff.Remove -> removeAt(diff.index)
        is ListDiff.Truncate -> while (size > diff.length) removeAt(size - 1)
        is ListDiff.Reset -> { clear(); addAll(diff.values) }
    }
}

/** The two generated diff types, seen as one. */
sealed class ListDiff<out T> {
    data class Append<T>(val values: List<T>) : ListDiff<T>()
    data object Clear : ListDiff<Nothing>()
    data class PushFront<T>(val value: T) : ListDiff<T>()
    data class PushBack<T>(val value: T) : ListDiff<T>()
    data object PopFront : ListDiff<Nothing>()
    data object PopBack : ListDiff<Nothing>()
    data class Insert<T>(val index: Int, val value: T) : ListDiff<T>()
    data class Set<T>(val index: Int, val value: T) : ListDiff<T>()
    data class Remove(val index: Int) : ListDiff<Nothing>()
    data class Truncate(val length: Int) : ListDiff<Nothing>()
    data class Reset<T>(val values: List<T>) : ListDiff<T>()
}

fun CaseListDiff.generic(): ListDiff<CaseSummary> = when (this) {
    is CaseListDiff.Append -> ListDiff.Append(values)
    CaseListDiff.Clear -> ListDiff.Clear
    is CaseListDiff.PushFront -> ListDiff.PushFront(value)
    is CaseListDiff.PushBack -> ListDiff.PushBack(value)
    CaseListDiff.PopFront -> ListDiff.PopFront
    CaseListDiff.PopBack -> ListDiff.PopBack
    is CaseListDiff.Insert -> ListDiff.Insert(index.toInt(), value)
    is CaseListDiff.Set -> ListDiff.Set(index.toInt(), value)
    is CaseListDiff.Remove -> ListDiff.Remove(index.toInt())
    is CaseListDiff.Truncate -> ListDiff.Truncate(length.toInt())
    is CaseListDiff.Reset -> ListDiff.Reset(values)
}

fun ConversationDiff.generic(): ListDiff<ConversationItem> = when (this) {
    is ConversationDiff.Append -> ListDiff.Append(values)
    ConversationDiff.Clear -> ListDiff.Clear
    is ConversationDiff.PushFront -> ListDiff.PushFront(value)
    is ConversationDiff.PushBack -> ListDiff.PushBack(value)
    ConversationDiff.PopFront -> ListDiff.PopFront
    ConversationDiff.PopBack -> ListDiff.PopBack
    is ConversationDiff.Insert -> ListDiff.Insert(index.toInt(), value)
    is ConversationDiff.Set -> ListDiff.Set(index.toInt(), value)
    is ConversationDiff.Remove -> ListDiff.Remove(index.toInt())
    is ConversationDiff.Truncate -> ListDiff.Truncate(length.toInt())
    is ConversationDiff.Reset -> ListDiff.Reset(values)
}

/** A case list screen: keeps a copy of the list from the diffs it receives. */
class CaseListScreen : CaseListListener {
    private val rows = mutableListOf<CaseSummary>()
    val calls = CopyOnWriteArrayList<List<CaseListDiff>>()

    override fun onUpdate(diffs: List<CaseListDiff>) {
        synchronized(rows) { diffs.forEach { rows.apply(it.generic()) } }
        calls.add(diffs)
    }

    fun rows(): List<CaseSummary> = synchronized(rows) { rows.toList() }
}

/** A conversation screen: keeps a copy of the timeline from the diffs it receives. */
class ConversationScreen : ConversationListener {
    private val items = mutableListOf<ConversationItem>()
    val calls = CopyOnWriteArrayList<List<ConversationDiff>>()

    override fun onUpdate(diffs: List<ConversationDiff>) {
        synchronized(items) { diffs.forEach { items.apply(it.generic()) } }
        calls.add(diffs)
    }

    fun messages(): List<CaseMessage> = synchronized(items) {
        items.filterIsInstance<ConversationItem.Message>().map { it.message }
    }

    fun texts(): List<String> = messages().mapNotNull { (it.kind as? MessageKind.Text)?.body }
}

/** Invites [colleague] into [case]; returns the case as they see it once they accepted. */
suspend fun joinedBy(colleague: Client, case: CaseRoom): CaseRoom {
    case.invite(colleague.userId())
    val theirs = eventually("the invitation") { runCatching { colleague.case(case.roomId()) }.getOrNull() }
    theirs.accept()
    return theirs
}
