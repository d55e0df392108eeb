package fr.innomed.android.impl

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.trust.SasEmoji
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.trust.Verification
import fr.innomed.android.api.trust.VerificationState
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.catch
import kotlinx.coroutines.flow.flow
import fr.innomed.core.VerificationState as SdkVerificationState
import fr.innomed.sdk.Verification as SdkVerification

/** The bindings' verification is polled (`next_state`); its states become a flow here. */
internal class RustVerification(private val inner: SdkVerification) : Verification {
    override val otherUser = UserId(inner.otherUserId())
    override val isSelfVerification = inner.isSelfVerification()

    override val states: Flow<VerificationState> = flow {
        var current = inner.state()
        emit(current.toApi())
        while (!current.isFinal()) {
            val next = inner.nextState(current, POLL_MS)
            if (next != current) {
                current = next
                emit(next.toApi())
            }
        }
    }.catch { e -> emit(VerificationState.Cancelled((e as? Exception)?.code() ?: "error")) }

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

private fun SdkVerificationState.isFinal() = this is SdkVerificationState.Done || this is SdkVerificationState.Cancelled

private fun SdkVerificationState.toApi(): VerificationState = when (this) {
    SdkVerificationState.Requested -> VerificationState.Requested
    SdkVerificationState.Ready -> VerificationState.Ready
    SdkVerificationState.Starting -> VerificationState.Starting
    is SdkVerificationState.Emojis -> VerificationState.Emojis(emojis.map { SasEmoji(it.index.toInt(), it.symbol, it.description) })
    SdkVerificationState.Confirmed -> VerificationState.Confirmed
    SdkVerificationState.Done -> VerificationState.Done
    is SdkVerificationState.Cancelled -> VerificationState.Cancelled(reason)
}
