package fr.innomed.android.test

import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.UserId
import fr.innomed.android.api.trust.DeviceInfo
import fr.innomed.android.api.trust.RecoveryStatus
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.trust.TrustService
import fr.innomed.android.api.trust.Verification
import fr.innomed.android.api.trust.VerificationState
import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.transformWhile

class FakeTrustService(var recovery: RecoveryStatus = RecoveryStatus.UNKNOWN) : TrustService {
    val recoverAttempts = Calls<Secret>()
    var verified = false

    var enableResult: suspend () -> Outcome<Secret, TrustError> = { notScripted("enableRecovery") }
    var recoverResult: suspend (Secret) -> Outcome<Unit, TrustError> = { notScripted("recover") }
    var devicesResult: suspend (UserId) -> Outcome<List<DeviceInfo>, TrustError> = { notScripted("devicesOf") }
    var verifyResult: suspend (UserId, DeviceId) -> Outcome<Verification, TrustError> = { _, _ -> notScripted("verifyDevice") }
    var incomingResult: suspend (Long) -> Outcome<Verification?, TrustError> = { notScripted("incomingVerification") }

    override fun recoveryStatus() = recovery

    override suspend fun enableRecovery() = enableResult()

    override suspend fun recover(recoveryKey: Secret) = recoverResult(recoveryKey).also { recoverAttempts.add(recoveryKey) }

    override suspend fun isThisDeviceVerified() = verified

    override suspend fun devicesOf(userId: UserId) = devicesResult(userId)

    override suspend fun verifyDevice(userId: UserId, deviceId: DeviceId) = verifyResult(userId, deviceId)

    override suspend fun incomingVerification(timeoutMillis: Long) = incomingResult(timeoutMillis)
}

/**
 * A verification whose states the test sends with [emit]; the actions are recorded and, by
 * default, succeed (scriptable through [result]).
 */
class FakeVerification(
    override val otherUser: UserId = UserId("@dr.martin:cpts.test"),
    override val isSelfVerification: Boolean = true,
) : Verification {
    enum class Action { ACCEPT, START_EMOJIS, CONFIRM, MISMATCH, CANCEL }

    private val flow = MutableSharedFlow<VerificationState>(replay = 1, extraBufferCapacity = 16)
    val actions = Calls<Action>()
    var result: suspend (Action) -> Outcome<Unit, TrustError> = { Outcome.Done }
    var closed = false

    suspend fun emit(state: VerificationState) = flow.emit(state)

    override val states = flow.transformWhile { state ->
        emit(state)
        state !is VerificationState.Done && state !is VerificationState.Cancelled
    }

    override suspend fun accept() = act(Action.ACCEPT)

    override suspend fun startEmojis() = act(Action.START_EMOJIS)

    override suspend fun confirm() = act(Action.CONFIRM)

    override suspend fun mismatch() = act(Action.MISMATCH)

    override suspend fun cancel() = act(Action.CANCEL)

    override fun close() {
        closed = true
    }

    private suspend fun act(action: Action) = result(action).also { actions.add(action) }
}
