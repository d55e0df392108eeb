package fr.innomed.android.features.recovery

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.trust.RecoveryStatus
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.test.FakeTrustService
import kotlinx.coroutines.test.advanceTimeBy
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class RecoveryPresenterTest {
    private val trust = FakeTrustService()
    private val key = Secret("EsTj 3yST y93F SLpB jJsz eAXc 2XzA ygD3 w69H fGaN TKBj jXEd")

    @Test
    fun `the state is read again until the first sync tells it`() = runTest {
        val presenter = RecoveryPresenter(backgroundScope, trust, pollMillis = 1_000)
        assertEquals(RecoveryStatus.UNKNOWN, presenter.state.value.recovery)
        advanceTimeBy(1_500)
        assertEquals(RecoveryStatus.UNKNOWN, presenter.state.value.recovery)
        trust.recovery = RecoveryStatus.DISABLED
        advanceTimeBy(1_000)
        assertEquals(RecoveryStatus.DISABLED, presenter.state.value.recovery)
        assertTrue(presenter.state.value.canEnable)
    }

    @Test
    fun `the new key is shown once, then leaves the screen`() = runTest {
        trust.recovery = RecoveryStatus.DISABLED
        trust.enableResult = { Outcome.Success(key) }
        val presenter = RecoveryPresenter(backgroundScope, trust)
        presenter.onEvent(RecoveryEvent.Enable)
        runCurrent()
        assertEquals(key, presenter.state.value.newKey)
        assertEquals(RecoveryStatus.ENABLED, presenter.state.value.recovery)
        assertFalse(key.value in presenter.state.value.toString(), "the key never shows in the state's text")
        presenter.onEvent(RecoveryEvent.NewKeySaved)
        assertNull(presenter.state.value.newKey)
    }

    @Test
    fun `a second set-up is refused with its typed error`() = runTest {
        trust.recovery = RecoveryStatus.DISABLED
        trust.enableResult = { trust.recovery = RecoveryStatus.ENABLED; Outcome.Failure(TrustError.RecoveryAlreadyEnabled) }
        val presenter = RecoveryPresenter(backgroundScope, trust)
        presenter.onEvent(RecoveryEvent.Enable)
        runCurrent()
        assertEquals(TrustError.RecoveryAlreadyEnabled, presenter.state.value.error)
        assertEquals(RecoveryStatus.ENABLED, presenter.state.value.recovery)
        assertNull(presenter.state.value.newKey)
    }

    @Test
    fun `a new phone gets an empty key, then a wrong key, then the right one`() = runTest {
        trust.recovery = RecoveryStatus.INCOMPLETE
        trust.recoverResult = { entered -> if (entered == key) Outcome.Done else Outcome.Failure(TrustError.WrongRecoveryKey) }
        val presenter = RecoveryPresenter(backgroundScope, trust)
        assertFalse(presenter.state.value.canEnable)

        presenter.onEvent(RecoveryEvent.SubmitKey)
        assertTrue(presenter.state.value.keyMissing)
        assertTrue(trust.recoverAttempts.all.isEmpty())

        presenter.onEvent(RecoveryEvent.KeyChanged(Secret("pas la bonne clé")))
        presenter.onEvent(RecoveryEvent.SubmitKey)
        runCurrent()
        assertEquals(TrustError.WrongRecoveryKey, presenter.state.value.error)
        assertEquals("pas la bonne clé", presenter.state.value.keyInput.value, "kept for correcting a typo")
        assertFalse(presenter.state.value.recovered)

        presenter.onEvent(RecoveryEvent.KeyChanged(key))
        presenter.onEvent(RecoveryEvent.SubmitKey)
        runCurrent()
        assertTrue(presenter.state.value.recovered)
        assertTrue(presenter.state.value.keyInput.isBlank)
        assertEquals(RecoveryStatus.ENABLED, presenter.state.value.recovery)
        assertEquals(2, trust.recoverAttempts.all.size)
    }
}
