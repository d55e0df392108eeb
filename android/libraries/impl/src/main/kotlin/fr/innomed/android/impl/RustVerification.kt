package fr.innomed.android.impl

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.trust.Emoji
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.trust.Verification
import fr.innomed.android.api.trust.VerificationStep
import fr.innomed.core.VerificationState
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.catch
import kotlinx.coroutines.flow.flow
import fr.innomed.sdk.Verification as SdkVerification

/** The bindings' verification is polled (`next_state`); the steps become a flow here. */
internal class RustVerification(private val inner: SdkVerification) : Verification {
    override val otherUser = UserId(inner.otherUserId())
    override val isSelfVerification = inner.isSelfVerification()

    override val steps: Flow<VerificationStep> = flow {
        var current = inner.state()
        emit(current.toStep())
        while (!current.isFinal()) {
            val next = inner.nextState(current, POLL_MS)
            if (next != current) {
                current = next
                emit(next.toStep())
            }
        }
    }.catch { e -> emit(VerificationStep.Cancelled((e as? Exception)?.code() ?: "error")) }

    override suspend fun accept() = call { inner.accept() }

    override suspend fun startEmojis() = call { inner.startEmojis() }

    override suspend fun confirm() = call { inner.confirm() }

    override suspend fun mismatch() = call { inner.mismatch() }

    override suspend fun cancel() = call { inner.cancel() }

    override fun close() = inner.close()

    private inline fun call(block: () -> Unit): Outcome<Unit, TrustError> = attempt(::trustError, block)

    private companion object {
        const val POLL_MS: ULong = 5_000u
    }
}

private fun VerificationState.isFinal() = this is VerificationState.Done || this is VerificationState.Cancelled

private fun VerificationState.toStep(): VerificationStep = when (this) {
    VerificationState.Requested -> VerificationStep.Requested
    VerificationState.Ready -> VerificationStep.Ready
    VerificationState.Starting -> VerificationStep.Starting
    is VerificationState.Emojis -> VerificationStep.Emojis(emojis.map { Emoji(it.index.toInt(), it.symbol, it.description) })
    VerificationState.Confirmed -> VerificationStep.Confirmed
    VerificationState.Done -> VerificationStep.Done
    is VerificationState.Cancelled -> VerificationStep.Cancelled(reason)
}
