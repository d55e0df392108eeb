package fr.innomed.android.features.settings

import fr.innomed.android.api.session.SignOutResult
import fr.innomed.android.api.trust.RecoveryStatus
import fr.innomed.android.test.FakeSessionService
import fr.innomed.android.test.FakeTrustService
import fr.innomed.android.test.FakeUserSession
import fr.innomed.android.test.GP
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancel
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import fr.innomed.android.api.DeviceId
import org.junit.jupiter.api.Test

class SettingsPresenterTest {
    private val trust = FakeTrustService(recovery = RecoveryStatus.ENABLED)
    private val sessions = FakeSessionService().apply { activeSession.value = FakeUserSession(userId = GP, trust = trust) }
    private var wiped = 0

    private fun TestScope.presenter(screen: CoroutineScope = backgroundScope, app: CoroutineScope = backgroundScope) =
        SettingsPresenter(screen, GP, sessions, trust, signOutScope = app, wipeLocalFiles = { wiped++ }, deviceId = DeviceId("PHONEGP001"))

    @Test
    fun `the screen shows the doctor, whether this phone is verified and whether the account has a recovery key`() = runTest {
        trust.verified = true
        val presenter = presenter()
        assertEquals(GP, presenter.state.value.userId)
        assertEquals(DeviceId("PHONEGP001"), presenter.state.value.deviceId, "what a colleague verifying the doctor may have to pick")
        assertNull(presenter.state.value.deviceVerified, "not known until read")
        runCurrent()
        assertEquals(true, presenter.state.value.deviceVerified)
        assertEquals(RecoveryStatus.ENABLED, presenter.state.value.recovery)
        assertFalse(presenter.state.value.noRecoveryKey)
    }

    @Test
    fun `back from verifying or entering the key, the phone's trust is read again`() = runTest {
        trust.recovery = RecoveryStatus.INCOMPLETE
        val presenter = presenter()
        runCurrent()
        assertEquals(false, presenter.state.value.deviceVerified)

        trust.verified = true
        trust.recovery = RecoveryStatus.ENABLED
        presenter.onEvent(SettingsEvent.Refresh)
        runCurrent()
        assertEquals(true, presenter.state.value.deviceVerified)
        assertEquals(RecoveryStatus.ENABLED, presenter.state.value.recovery)
    }

    @Test
    fun `an account without a recovery key is warned before signing out`() = runTest {
        trust.recovery = RecoveryStatus.DISABLED
        val presenter = presenter()
        runCurrent()
        assertTrue(presenter.state.value.noRecoveryKey)
    }

    @Test
    fun `signing out ends the session and wipes the app's own files, once`() = runTest {
        val answer = CompletableDeferred<SignOutResult>()
        sessions.signOutResult = { answer.await() }
        val presenter = presenter()
        presenter.onEvent(SettingsEvent.SignOut)
        runCurrent()
        assertTrue(presenter.state.value.signingOut)
        assertFalse(presenter.state.value.canSignOut)
        presenter.onEvent(SettingsEvent.SignOut)

        answer.complete(SignOutResult.SIGNED_OUT_LOCALLY)
        runCurrent()
        assertNull(sessions.activeSession.value)
        assertEquals(1, wiped)
        assertFalse(presenter.state.value.signingOut)
        assertEquals(SignOutResult.SIGNED_OUT_LOCALLY, presenter.state.value.signOutResult)
    }

    @Test
    fun `a failed sign-out keeps the files and says so, and the doctor can try again`() = runTest {
        sessions.signOutResult = { SignOutResult.FAILED }
        val presenter = presenter()
        presenter.onEvent(SettingsEvent.SignOut)
        runCurrent()
        assertEquals(0, wiped)
        assertEquals(SignOutResult.FAILED, presenter.state.value.signOutResult)
        assertTrue(presenter.state.value.canSignOut)

        sessions.signOutResult = { SignOutResult.SIGNED_OUT }
        presenter.onEvent(SettingsEvent.SignOut)
        assertNull(presenter.state.value.signOutResult, "the last failure goes while trying again")
        runCurrent()
        assertEquals(1, wiped)
        assertEquals(SignOutResult.SIGNED_OUT, presenter.state.value.signOutResult)
    }

    @Test
    fun `signing out goes on after the screen is gone`() = runTest {
        val answer = CompletableDeferred<SignOutResult>()
        sessions.signOutResult = { answer.await() }
        val screen = CoroutineScope(backgroundScope.coroutineContext + Job(backgroundScope.coroutineContext[Job]))
        val presenter = presenter(screen = screen)
        presenter.onEvent(SettingsEvent.SignOut)
        runCurrent()
        // The session ends during the call: the app leaves the screen and cancels its scope.
        screen.cancel()
        answer.complete(SignOutResult.SIGNED_OUT)
        runCurrent()
        assertEquals(1, wiped)
        assertEquals(SignOutResult.SIGNED_OUT, presenter.state.value.signOutResult)
    }
}
