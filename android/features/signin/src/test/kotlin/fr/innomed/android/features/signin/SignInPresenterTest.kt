package fr.innomed.android.features.signin

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.session.SignInError
import fr.innomed.android.test.FakeSessionService
import fr.innomed.android.test.FakeUserSession
import fr.innomed.android.test.GP
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class SignInPresenterTest {
    private val sessions = FakeSessionService()

    private fun TestScope.presenter() = SignInPresenter(backgroundScope, sessions)

    private fun SignInPresenter.fill(homeserver: String = "cpts.test", user: String = GP.value, password: String = "secret") {
        onEvent(SignInEvent.HomeserverChanged(homeserver))
        onEvent(SignInEvent.UserIdChanged(user))
        onEvent(SignInEvent.PasswordChanged(Secret(password)))
    }

    @Test
    fun `empty fields are marked and nothing is sent`() = runTest {
        val presenter = presenter()
        assertFalse(presenter.state.value.canSubmit)
        presenter.onEvent(SignInEvent.Submit)
        runCurrent()
        assertEquals(SignInField.entries.toSet(), presenter.state.value.invalidFields)
        assertTrue(sessions.signIns.all.isEmpty())
    }

    @Test
    fun `a malformed user id or homeserver is caught before the network, and editing clears the mark`() = runTest {
        val presenter = presenter()
        presenter.fill(homeserver = "ftp://cpts.test", user = "dr.martin")
        presenter.onEvent(SignInEvent.Submit)
        runCurrent()
        assertEquals(setOf(SignInField.HOMESERVER, SignInField.USER_ID), presenter.state.value.invalidFields)
        presenter.onEvent(SignInEvent.UserIdChanged(GP.value))
        assertEquals(setOf(SignInField.HOMESERVER), presenter.state.value.invalidFields)
        assertTrue(sessions.signIns.all.isEmpty())
    }

    @Test
    fun `signing in normalises the homeserver, shows progress once, and clears the password`() = runTest {
        val answer = CompletableDeferred<Outcome.Success<FakeUserSession>>()
        sessions.signInResult = { answer.await() }
        val presenter = presenter()
        presenter.fill(homeserver = " cpts.test/ ", user = " ${GP.value} ")
        presenter.onEvent(SignInEvent.Submit)
        presenter.onEvent(SignInEvent.Submit)
        runCurrent()
        assertTrue(presenter.state.value.submitting)
        assertFalse(presenter.state.value.canSubmit)

        answer.complete(Outcome.Success(FakeUserSession(userId = GP)))
        runCurrent()
        val call = sessions.signIns.all.single()
        assertEquals("https://cpts.test", call.homeserverUrl)
        assertEquals(GP.value, call.userId)
        assertEquals("secret", call.password.value)
        val state = presenter.state.value
        assertEquals(GP, state.signedInAs)
        assertFalse(state.submitting)
        assertTrue(state.password.isBlank, "the password leaves the screen's memory")
    }

    @Test
    fun `each typed failure becomes the state's error kind, cleared by editing`() = runTest {
        val failures = listOf(
            SignInError.WrongCredentials,
            SignInError.HomeserverUnreachable,
            SignInError.InvalidUserId,
            SignInError.InvalidHomeserverUrl,
            SignInError.Other("ClientException.StoreInUse"),
        )
        for (failure in failures) {
            sessions.signInResult = { Outcome.Failure(failure) }
            val presenter = presenter()
            presenter.fill()
            presenter.onEvent(SignInEvent.Submit)
            runCurrent()
            assertEquals(failure, presenter.state.value.error)
            assertFalse(presenter.state.value.submitting)
            assertNull(presenter.state.value.signedInAs)
            presenter.onEvent(SignInEvent.PasswordChanged(Secret("other")))
            assertNull(presenter.state.value.error)
        }
    }

    @Test
    fun `the password never shows in the state's text`() = runTest {
        val presenter = presenter()
        presenter.fill(password = "correct horse battery staple")
        assertFalse("correct horse" in presenter.state.value.toString())
    }

    @Test
    fun `homeserver addresses are normalised or refused`() {
        assertEquals("https://matrix.cpts.fr", SignInPresenter.normalizeHomeserver("matrix.cpts.fr"))
        assertEquals("http://127.0.0.1:8008", SignInPresenter.normalizeHomeserver("http://127.0.0.1:8008/"))
        assertNull(SignInPresenter.normalizeHomeserver("   "))
        assertNull(SignInPresenter.normalizeHomeserver("pas une adresse"))
        assertNull(SignInPresenter.normalizeHomeserver("https://"))
    }
}
