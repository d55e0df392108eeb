package fr.innomed.sdk.bench

import fr.innomed.core.*

import fr.innomed.sdk.PlatformConfig
import fr.innomed.sdk.ConversationDiff
import fr.innomed.sdk.ConversationListener
import fr.innomed.sdk.benchmarkTimelineReset
import fr.innomed.sdk.initPlatform
import fr.innomed.sdk.isValidUserId
import java.util.function.Consumer

/**
 * Java-friendly entry points for the JMH benchmark (JMH's annotation processor runs on Java;
 * the generated API uses Kotlin's unsigned types, which Java cannot name).
 */
object Boundary {
    @JvmStatic
    fun init() = initPlatform(PlatformConfig(logFilter = "warn", workerThreads = 2u))

    @JvmStatic
    fun callRoundTrip(): Boolean = isValidUserId("@dr.martin:cpts-example.fr")

    @JvmStatic
    fun timelineReset(count: Int, sink: Consumer<List<ConversationDiff>>) =
        benchmarkTimelineReset(
            object : ConversationListener {
                override fun onUpdate(diffs: List<ConversationDiff>) = sink.accept(diffs)
            },
            count.toUInt(),
        )
}
