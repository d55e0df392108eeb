package fr.innomed.android.features.signin

import fr.innomed.android.api.Outcome
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

class SignInPscPresenterTest {
    private val sessions = FakeSessionService()
    private val page = "https://cpts.test/_matrix/client/v3/login/sso/redirect/oidc-psc?redirectUrl=fr.innomed.app%3A%2Fpsc"
    private val callback = "fr.innomed.app:/psc?loginToken=abc"

    private fun TestScope.presenter() = SignInPresenter(backgroundScope, sessions)

    /** Starts a sign-in whose page is open, as the view leaves it. */
    private fun TestScope.pageOpen(): SignInPresenter {
        sessions.startPscResult = { Outcome.Success(page) }
        val presenter = presenter()
        presenter.onEvent(SignInEvent.HomeserverChanged("cpts.test"))
        presenter.onEvent(SignInEvent.SignInWithPsc)
        runCurrent()
        presenter.onEvent(SignInEvent.PscPageOpened)
        return presenter
    }

    @Test
    fun `Pro Santé Connect needs the homeserver only, normalised, and hands the page to open once`() = runTest {
        val started = CompletableDeferred<Outcome<String, SignInError>>()
        sessions.startPscResult = { started.await() }
        val presenter = presenter()
        assertFalse(presenter.state.value.canSignInWithPsc)
        presenter.onEvent(SignInEvent.HomeserverChanged(" cpts.test/ "))
        assertTrue(presenter.state.value.canSignInWithPsc)
        assertFalse(presenter.state.value.canSubmit, "the password button still needs its fields")
        presenter.onEvent(SignInEvent.SignInWithPsc)
        presenter.onEvent(SignInEvent.SignInWithPsc)
        runCurrent()
        assertTrue(presenter.state.value.submitting)
        assertFalse(presenter.state.value.canSignInWithPsc)

        started.complete(Outcome.Success(page))
        runCurrent()
        assertEquals(listOf("https://cpts.test"), sessions.pscStarts.all)
        var state = presenter.state.value
        assertEquals(page, state.pscPage)
        assertTrue(state.awaitingPsc)
        assertFalse(state.submitting)
        presenter.onEvent(SignInEvent.PscPageOpened)
        state = presenter.state.value
        assertNull(state.pscPage, "opened once")
        assertTrue(state.awaitingPsc)
        assertFalse(state.canSignInWithPsc)
    }

    @Test
    fun `a bad homeserver is marked and Pro Santé Connect is not started`() = runTest {
        val presenter = presenter()
        presenter.onEvent(SignInEvent.HomeserverChanged("ftp://cpts.test"))
        presenter.onEvent(SignInEvent.SignInWithPsc)
        runCurrent()
        assertEquals(setOf(SignInField.HOMESERVER), presenter.state.value.invalidFields)
        assertTrue(sessions.pscStarts.all.isEmpty())
    }

    @Test
    fun `the page's return finishes the sign-in with the address it came back to`() = runTest {
        sessions.finishPscResult = { Outcome.Success(FakeUserSession(userId = GP)) }
        val presenter = pageOpen()
        presenter.onEvent(SignInEvent.PscReturned(callback))
        runCurrent()
        assertEquals(listOf(callback), sessions.pscFinishes.all)
        val state = presenter.state.value
        assertEquals(GP, state.signedInAs)
        assertFalse(state.awaitingPsc)
        assertFalse(state.submitting)
        assertEquals(GP, sessions.activeSession.value?.userId)
    }

    @Test
    fun `a return while no page is open is ignored`() = runTest {
        val presenter = presenter()
        presenter.onEvent(SignInEvent.PscReturned(callback))
        runCurrent()
        assertTrue(sessions.pscFinishes.all.isEmpty())
        assertNull(presenter.state.value.signedInAs)
    }

    @Test
    fun `cancelling forgets the sign-in under way, and a late return is ignored`() = runTest {
        val presenter = pageOpen()
        presenter.onEvent(SignInEvent.CancelPsc)
        assertFalse(presenter.state.value.awaitingPsc)
        assertTrue(presenter.state.value.canSignInWithPsc)
        assertEquals(1, sessions.pscCancels)
        presenter.onEvent(SignInEvent.PscReturned(callback))
        runCurrent()
        assertTrue(sessions.pscFinishes.all.isEmpty())
    }

    @Test
    fun `a homeserver without Pro Santé Connect is the typed error, and nothing opens`() = runTest {
        sessions.startPscResult = { Outcome.Failure(SignInError.ProSanteConnectUnavailable) }
        val presenter = presenter()
        presenter.onEvent(SignInEvent.HomeserverChanged("cpts.test"))
        presenter.onEvent(SignInEvent.SignInWithPsc)
        runCurrent()
        val state = presenter.state.value
        assertEquals(SignInError.ProSanteConnectUnavailable, state.error)
        assertNull(state.pscPage)
        assertFalse(state.awaitingPsc)
        assertTrue(state.canSignInWithPsc, "the doctor may try again")
    }

    @Test
    fun `a refused return (cancelled, expired or replayed) is the typed error, and the doctor may start again`() = runTest {
        sessions.finishPscResult = { Outcome.Failure(SignInError.SignInRefused) }
        val presenter = pageOpen()
        presenter.onEvent(SignInEvent.PscReturned("fr.innomed.app:/psc"))
        runCurrent()
        val state = presenter.state.value
        assertEquals(SignInError.SignInRefused, state.error)
        assertNull(state.signedInAs)
        assertFalse(state.awaitingPsc)
        assertTrue(state.canSignInWithPsc)
        assertNull(sessions.activeSession.value)
    }

    @Test
    fun `the page's return never shows in the event's text`() {
        assertFalse("loginToken" in SignInEvent.PscReturned(callback).toString())
    }
}
