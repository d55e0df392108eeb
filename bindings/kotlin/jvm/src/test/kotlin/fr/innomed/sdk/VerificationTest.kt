package fr.innomed.sdk

import fr.innomed.core.*

import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The doctor's new phone verified with emojis from the first one, as the screens will drive it. */
class VerificationTest {
    /** Follows the state until [done] says so, as a screen collecting state changes would. */
    private suspend fun Verification.until(done: (VerificationState) -> Boolean): VerificationState {
        var state = state()
        val deadline = System.currentTimeMillis() + WAIT_MS
        while (!done(state)) {
            check(System.currentTimeMillis() < deadline) { "stuck at $state" }
            state = nextState(state, 1_000u)
        }
        return state
    }

    @Test
    fun `a second phone of the same doctor is verified with the same seven emojis`() = runBlocking {
        val first = Device("gp").register()
        val phone = Device("gp-phone").builder().use { it.login(first.userId(), PASSWORD) }
        phone.startSync()
        phone.waitUntilSynced(WAIT_MS.toULong())

        val sent = first.verifyDevice(first.userId(), phone.deviceId())
        val received = phone.incomingVerification(WAIT_MS.toULong())
        assertNotNull(received, "the request reached the new phone")
        received!!
        assertTrue(received.isSelfVerification())
        received.accept()
        sent.until { it is VerificationState.Ready }
        sent.startEmojis()

        val (mine, theirs) = coroutineScope {
            val a = async { sent.until { it is VerificationState.Emojis } }
            val b = async { received.until { it is VerificationState.Emojis } }
            (a.await() as VerificationState.Emojis).emojis to (b.await() as VerificationState.Emojis).emojis
        }
        assertEquals(7, mine.size)
        assertTrue(mine.all { it.index.toInt() in 0..63 }, "each emoji's place in the spec's table")
        assertEquals(mine, theirs, "both screens show the same emojis")
        sent.confirm()
        received.confirm()
        assertEquals(VerificationState.Done, sent.until { it is VerificationState.Done || it is VerificationState.Cancelled })
        assertEquals(VerificationState.Done, received.until { it is VerificationState.Done || it is VerificationState.Cancelled })
        eventually("the new phone cross-signed") { phone.isDeviceCrossSigned().takeIf { it } }

        listOf(sent, received).forEach { it.close() }
        first.shutdown()
        phone.shutdown()
        first.close()
        phone.close()
    }
}
