package fr.innomed.android.features.verification

import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.trust.SasEmoji
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.trust.VerificationState
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeTrustService
import fr.innomed.android.test.FakeVerification
import fr.innomed.android.test.FakeVerification.Action
import fr.innomed.android.test.GP
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class VerificationPresenterTest {
    private val trust = FakeTrustService()
    private val session = FakeVerification(otherUser = GP, isSelfVerification = true)
    private val emojis = List(7) { SasEmoji(0, "🐶", "Dog") }

    @Test
    fun `the asking device starts the emojis, the doctor confirms, the device is verified`() = runTest {
        trust.verifyResult = { _, _ -> Outcome.Success(session) }
        val presenter = VerificationPresenter(backgroundScope, trust, VerificationTarget.Device(GP, DeviceId("PHONE")))
        session.emit(VerificationState.Requested)
        runCurrent()
        assertEquals(VerificationPhase.Requested, presenter.state.value.phase)
        assertFalse(presenter.state.value.canAccept, "the asking side does not accept its own request")
        assertTrue(presenter.state.value.isSelfVerification)

        session.emit(VerificationState.Ready)
        runCurrent()
        assertTrue(presenter.state.value.canStartEmojis)
        presenter.onEvent(VerificationEvent.StartEmojis)
        session.emit(VerificationState.Emojis(emojis))
        runCurrent()
        assertEquals(VerificationPhase.CompareEmojis(emojis), presenter.state.value.phase)

        presenter.onEvent(VerificationEvent.Match)
        session.emit(VerificationState.Confirmed)
        runCurrent()
        assertEquals(VerificationPhase.WaitingForOther, presenter.state.value.phase)
        session.emit(VerificationState.Done)
        runCurrent()
        assertEquals(VerificationPhase.Verified, presenter.state.value.phase)
        assertEquals(listOf(Action.START_EMOJIS, Action.CONFIRM), session.actions.all)
        assertTrue(session.closed, "the verification is freed at the end")
    }

    @Test
    fun `the new phone accepts a request, and different emojis cancel both sides`() = runTest {
        trust.incomingResult = { Outcome.Success(session) }
        val presenter = VerificationPresenter(backgroundScope, trust, VerificationTarget.Incoming())
        session.emit(VerificationState.Requested)
        runCurrent()
        assertTrue(presenter.state.value.canAccept)
        presenter.onEvent(VerificationEvent.Accept)
        presenter.onEvent(VerificationEvent.StartEmojis)
        session.emit(VerificationState.Emojis(emojis))
        runCurrent()
        presenter.onEvent(VerificationEvent.NoMatch)
        session.emit(VerificationState.Cancelled("m.mismatched_sas"))
        runCurrent()
        assertEquals(VerificationPhase.Cancelled(CancelKind.MISMATCH), presenter.state.value.phase)
        assertEquals(listOf(Action.ACCEPT, Action.MISMATCH), session.actions.all, "the receiving side does not start emojis")
        assertTrue(presenter.state.value.isFinished)
    }

    @Test
    fun `no request before the timeout, or an unknown device, end the screen`() = runTest {
        trust.incomingResult = { Outcome.Success(null) }
        val waiting = VerificationPresenter(backgroundScope, trust, VerificationTarget.Incoming(timeoutMillis = 10))
        runCurrent()
        assertEquals(VerificationPhase.NoRequest, waiting.state.value.phase)

        trust.verifyResult = { _, _ -> Outcome.Failure(TrustError.UnknownDevice) }
        val asking = VerificationPresenter(backgroundScope, trust, VerificationTarget.Device(DERM, DeviceId("NOPE")))
        runCurrent()
        assertEquals(VerificationPhase.Failed(TrustError.UnknownDevice), asking.state.value.phase)
    }

    @Test
    fun `a tap the other side refuses shows its typed error and the flow goes on`() = runTest {
        trust.verifyResult = { _, _ -> Outcome.Success(session) }
        session.result = { Outcome.Failure(TrustError.VerificationNotReady) }
        val presenter = VerificationPresenter(backgroundScope, trust, VerificationTarget.Device(GP, DeviceId("PHONE")))
        session.emit(VerificationState.Ready)
        runCurrent()
        presenter.onEvent(VerificationEvent.StartEmojis)
        runCurrent()
        assertEquals(TrustError.VerificationNotReady, presenter.state.value.error)
        assertEquals(VerificationPhase.Ready, presenter.state.value.phase)
        assertFalse(presenter.state.value.busy)
    }

    @Test
    fun `the emojis keep their place in the spec's table, for the app's own names`() = runTest {
        trust.verifyResult = { _, _ -> Outcome.Success(session) }
        val presenter = VerificationPresenter(backgroundScope, trust, VerificationTarget.Device(GP, DeviceId("PHONE")))
        val seven = listOf(SasEmoji(0, "🐶", "Dog"), SasEmoji(35, "🎅", "Santa"), SasEmoji(63, "📌", "Pin")) +
            List(4) { SasEmoji(9, "🐓", "Rooster") }
        session.emit(VerificationState.Emojis(seven))
        runCurrent()
        val shown = (presenter.state.value.phase as VerificationPhase.CompareEmojis).emojis
        assertEquals(listOf(0, 35, 63, 9, 9, 9, 9), shown.map { it.index })
    }
}
