package fr.innomed.android.features.verification

import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.trust.DeviceInfo
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.trust.VerificationState
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeTrustService
import fr.innomed.android.test.FakeVerification
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Verifying a colleague opened from a case: which of their devices, then the emojis. */
class ColleagueVerificationPresenterTest {
    private val trust = FakeTrustService()
    private val session = FakeVerification(otherUser = DERM, isSelfVerification = false)
    private val asked = mutableListOf<Pair<UserId, DeviceId>>()
    private val benali = VerificationTarget.Colleague(DERM, "Dr Samira Benali")

    init {
        trust.verifyResult = { user, device -> asked.add(user to device); Outcome.Success(session) }
    }

    @Test
    fun `a colleague with one device not verified yet is asked on it at once, named as the case names her`() = runTest {
        trust.devicesResult = { Outcome.Success(listOf(DeviceInfo(DeviceId("OLDTABLET"), verified = true), DeviceInfo(DeviceId("PHONE"), verified = false))) }
        val presenter = VerificationPresenter(backgroundScope, trust, benali)
        assertEquals("Dr Samira Benali", presenter.state.value.otherName)
        runCurrent()
        assertEquals(listOf(DERM to DeviceId("PHONE")), asked)
        session.emit(VerificationState.Requested)
        runCurrent()
        assertEquals(VerificationPhase.Requested, presenter.state.value.phase)
    }

    @Test
    fun `several devices are offered, and only one of them can be picked`() = runTest {
        trust.devicesResult = { Outcome.Success(listOf(DeviceInfo(DeviceId("PHONE"), false), DeviceInfo(DeviceId("LAPTOP"), false))) }
        val presenter = VerificationPresenter(backgroundScope, trust, benali)
        runCurrent()
        assertEquals(VerificationPhase.ChooseDevice(listOf(DeviceId("PHONE"), DeviceId("LAPTOP"))), presenter.state.value.phase)
        assertTrue(asked.isEmpty(), "nothing asked before the doctor chose")

        presenter.onEvent(VerificationEvent.PickDevice(DeviceId("SOMEONE-ELSES")))
        runCurrent()
        assertTrue(asked.isEmpty(), "a device not offered is never asked")
        presenter.onEvent(VerificationEvent.PickDevice(DeviceId("LAPTOP")))
        runCurrent()
        assertEquals(listOf(DERM to DeviceId("LAPTOP")), asked)
    }

    @Test
    fun `no device ends the screen with a sentence, and a cancel before choosing ends it too`() = runTest {
        trust.devicesResult = { Outcome.Success(emptyList()) }
        val none = VerificationPresenter(backgroundScope, trust, benali)
        runCurrent()
        assertEquals(VerificationPhase.NoDevice, none.state.value.phase)
        assertTrue(none.state.value.isFinished)

        trust.devicesResult = { Outcome.Success(listOf(DeviceInfo(DeviceId("A"), false), DeviceInfo(DeviceId("B"), false))) }
        val choosing = VerificationPresenter(backgroundScope, trust, benali)
        runCurrent()
        choosing.onEvent(VerificationEvent.Cancel)
        assertEquals(VerificationPhase.Cancelled(CancelKind.BY_USER), choosing.state.value.phase)

        trust.devicesResult = { Outcome.Failure(TrustError.HomeserverUnreachable) }
        val offline = VerificationPresenter(backgroundScope, trust, benali)
        runCurrent()
        assertEquals(VerificationPhase.Failed(TrustError.HomeserverUnreachable), offline.state.value.phase)
    }
}
