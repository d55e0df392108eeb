package fr.innomed.android.push

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.push.PushError
import fr.innomed.android.api.push.PushPlatform
import fr.innomed.android.api.push.PusherConfig
import fr.innomed.android.api.push.PusherRegistration
import fr.innomed.android.test.FakeSessionService
import fr.innomed.android.test.FakeUserSession
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class PusherRegistrationTest {
    private val sessions = FakeSessionService()

    /** The phone's remembered token (SharedPreferences in the app): it outlives a registration. */
    private var stored: String? = null

    private fun pusher(key: Secret) =
        PusherConfig("fr.innomed.android", key, "https://push.cpts.test/_matrix/push/v1/notify", "Pixel", "fr", PushPlatform.ANDROID)

    /** A registration as the app makes it, watching the sessions unless [watching] is false. */
    private fun TestScope.registration(watching: Boolean = true) =
        PusherRegistration(sessions, { stored }, { stored = it }, ::pusher)
            .also { if (watching) it.launchIn(backgroundScope) }

    private fun doctor(vararg results: Outcome<Unit, PushError>) = FakeUserSession().apply {
        val answers = ArrayDeque(results.toList())
        registerPusherResult = { answers.removeFirstOrNull() ?: Outcome.Done }
    }

    private val FakeUserSession.keys get() = pushers.all.map { it.pushkey.value }

    @Test
    fun `a token that came before sign-in is registered at sign-in, even after the app restarted`() = runTest {
        registration(watching = false).onNewToken("token-1") // no session: remembered only
        runCurrent()
        assertEquals("token-1", stored)

        registration() // the process was restarted in between: only the phone's copy is left
        val gp = doctor()
        sessions.activeSession.value = gp
        runCurrent()
        assertEquals(listOf("token-1"), gp.keys)
        assertEquals("fr.innomed.android", gp.pushers.last?.appId)
    }

    @Test
    fun `a new token while signed in is registered, the same token again is not`() = runTest {
        val registration = registration()
        val gp = doctor()
        sessions.activeSession.value = gp
        runCurrent()
        assertEquals(emptyList<String>(), gp.keys) // no token yet: nothing to register

        registration.onNewToken("token-1")
        registration.onNewToken("token-1")
        runCurrent()
        assertEquals(listOf("token-1"), gp.keys)

        registration.onNewToken("token-2")
        runCurrent()
        assertEquals(listOf("token-1", "token-2"), gp.keys)
        assertEquals("token-2", stored)
    }

    @Test
    fun `each session that becomes active is registered once, another doctor too`() = runTest {
        stored = "token-1"
        registration()
        val gp = doctor()
        sessions.activeSession.value = gp
        runCurrent()
        sessions.activeSession.value = null
        runCurrent()
        val derm = doctor()
        sessions.activeSession.value = derm
        runCurrent()
        assertEquals(listOf("token-1"), gp.keys)
        assertEquals(listOf("token-1"), derm.keys)
    }

    @Test
    fun `a failure is retried at the next activation, and at the next token`() = runTest {
        stored = "token-1"
        val registration = registration()
        val gp = doctor(Outcome.Failure(PushError.HomeserverUnreachable), Outcome.Done)
        sessions.activeSession.value = gp
        runCurrent()
        assertEquals(listOf("token-1"), gp.keys) // tried once, failed: not retried at once

        sessions.activeSession.value = null // the app reopens the account later
        runCurrent()
        sessions.activeSession.value = gp
        runCurrent()
        assertEquals(listOf("token-1", "token-1"), gp.keys)
        registration.onNewToken("token-1")
        runCurrent()
        assertEquals(2, gp.pushers.all.size) // registered now: the same token is not sent again

        val derm = doctor(Outcome.Failure(PushError.Other("M_UNKNOWN")), Outcome.Done)
        sessions.activeSession.value = derm
        runCurrent()
        registration.onNewToken("token-1")
        runCurrent()
        assertEquals(listOf("token-1", "token-1"), derm.keys)
    }

    @Test
    fun `a token that comes while the app is closed goes through the saved account`() = runTest {
        val saved = doctor()
        val registration = PusherRegistration(sessions, { stored }, { stored = it }, ::pusher) { block -> block(saved) }
        registration.onNewToken("token-1")
        runCurrent()
        assertEquals(listOf("token-1"), saved.keys)
    }
}
