package fr.innomed.android.impl

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.session.RestoreError
import fr.innomed.android.api.session.SignInError
import java.util.Collections
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Test

/**
 * The platform's TLS set-up (rustls-platform-verifier's Context on Android) comes before the
 * first client, once; a failed one builds no client and is a typed error. No Rust call: the
 * gate [RustSessionService] builds every client under, with a scripted set-up.
 */
class PlatformTlsTest {
    /** Records the set-ups and the clients built, in order; the first [failures] set-ups throw. */
    private class Recorder(
        private var failures: Int = 0,
        private val setUpMs: Long = 0,
        private val failure: () -> Throwable = { RuntimeException("refused") },
    ) {
        val events: MutableList<String> = Collections.synchronizedList(mutableListOf())
        val tls = PlatformTls {
            Thread.sleep(setUpMs)
            events += "tls"
            if (failures > 0) {
                failures--
                throw failure()
            }
        }

        fun client(name: String): String = name.also { events += "client $it" }
    }

    @Test
    fun `the set-up runs before the first client, and once for every client after`() {
        val recorder = Recorder()
        val gate = TlsGate(recorder.tls)

        assertEquals("sign-in", gate.beforeClient { recorder.client("sign-in") })
        gate.beforeClient { recorder.client("restore") }
        gate.beforeClient { recorder.client("psc") }

        assertEquals(listOf("tls", "client sign-in", "client restore", "client psc"), recorder.events)
    }

    @Test
    fun `clients asked for at once share one set-up, and none is built before it`() {
        val recorder = Recorder(setUpMs = 50)
        val gate = TlsGate(recorder.tls)
        val start = CountDownLatch(1)
        val pool = Executors.newFixedThreadPool(8)
        try {
            val built = (1..8).map { n -> pool.submit<String> { start.await(); gate.beforeClient { recorder.client("$n") } } }
            start.countDown()
            built.forEach { it.get(5, TimeUnit.SECONDS) }
        } finally {
            pool.shutdownNow()
        }

        val events = recorder.events.toList()
        assertEquals(1, events.count { it == "tls" })
        assertEquals("tls", events.first())
        assertEquals((1..8).map { "client $it" }.toSet(), events.drop(1).toSet())
    }

    @Test
    fun `a failed set-up builds no client and is a typed error, then the next client tries again`() {
        val recorder = Recorder(failures = 1)
        val gate = TlsGate(recorder.tls)

        val refused = assertThrows(PlatformTlsUnavailable::class.java) { gate.beforeClient { recorder.client("sign-in") } }
        assertEquals("refused", refused.cause?.message)
        assertEquals(listOf("tls"), recorder.events, "no client without TLS")

        gate.beforeClient { recorder.client("sign-in again") }
        gate.beforeClient { recorder.client("restore") }
        assertEquals(listOf("tls", "tls", "client sign-in again", "client restore"), recorder.events)
    }

    @Test
    fun `a missing library or JNI symbol is the same typed error, not a crash`() {
        val missing = UnsatisfiedLinkError("no innomed_ffi in java.library.path")
        val recorder = Recorder(failures = 1) { missing }

        val refused = assertThrows(PlatformTlsUnavailable::class.java) { TlsGate(recorder.tls).beforeClient { recorder.client("restore") } }
        assertSame(missing, refused.cause)
        assertEquals(listOf("tls"), recorder.events)
    }

    @Test
    fun `sign-in, Pro Santé Connect and restore report a failed set-up by its name`() {
        val recorder = Recorder(failures = 3)
        val gate = TlsGate(recorder.tls)

        // What RustSessionService does: every client is built inside `attempt`, under the gate.
        val signIn = attempt(::signInError) { gate.beforeClient { recorder.client("sign-in") } }
        val psc = attempt(::signInError) { gate.beforeClient { recorder.client("psc") } }
        val restore = attempt(::restoreError) { gate.beforeClient { recorder.client("restore") } }

        assertEquals(Outcome.Failure(SignInError.Other("PlatformTlsUnavailable")), signIn)
        assertEquals(Outcome.Failure(SignInError.Other("PlatformTlsUnavailable")), psc)
        assertEquals(Outcome.Failure(RestoreError.Other("PlatformTlsUnavailable")), restore)
        assertEquals(listOf("tls", "tls", "tls"), recorder.events, "no client was built")

        val later = attempt(::restoreError) { gate.beforeClient { recorder.client("restore") } }
        assertEquals(Outcome.Success("restore"), later)
        assertEquals(listOf("tls", "tls", "tls", "tls", "client restore"), recorder.events)
    }

    @Test
    fun `nothing to set up on the JVM`() {
        val recorder = Recorder()
        TlsGate(PlatformTls.NONE).beforeClient { recorder.client("journey") }
        assertEquals(listOf("client journey"), recorder.events)
    }
}
