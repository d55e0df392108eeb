package fr.innomed.android.features.verification

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.trust.TrustService
import fr.innomed.android.api.trust.Verification
import fr.innomed.android.api.trust.VerificationState
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/** Device verification with seven emojis, step by step, from either side. */
class VerificationPresenter(
    private val scope: CoroutineScope,
    private val trust: TrustService,
    target: VerificationTarget,
) : Presenter<VerificationScreenState, VerificationEvent> {
    private val mutableState = MutableStateFlow(VerificationScreenState(incoming = target is VerificationTarget.Incoming))
    override val state: StateFlow<VerificationScreenState> = mutableState.asStateFlow()

    @Volatile private var verification: Verification? = null

    init {
        scope.launch {
            val found = when (target) {
                is VerificationTarget.Device -> trust.verifyDevice(target.userId, target.deviceId)
                is VerificationTarget.Incoming -> {
                    mutableState.update { it.copy(phase = VerificationPhase.WaitingForRequest) }
                    trust.incomingVerification(target.timeoutMillis)
                }
            }
            when (found) {
                is Outcome.Failure -> mutableState.update { it.copy(phase = VerificationPhase.Failed(found.error)) }
                is Outcome.Success -> found.value?.let { follow(it) }
                    ?: mutableState.update { it.copy(phase = VerificationPhase.NoRequest) }
            }
        }
    }

    private suspend fun follow(session: Verification) {
        verification = session
        mutableState.update { it.copy(otherUser = session.otherUser, isSelfVerification = session.isSelfVerification) }
        try {
            session.states.collect { now -> mutableState.update { it.copy(phase = now.toPhase()) } }
        } finally {
            session.close()
        }
    }

    override fun onEvent(event: VerificationEvent) {
        val current = mutableState.value
        val allowed = when (event) {
            VerificationEvent.Accept -> current.canAccept
            VerificationEvent.StartEmojis -> current.canStartEmojis
            VerificationEvent.Match, VerificationEvent.NoMatch -> current.canCompare
            VerificationEvent.Cancel -> !current.isFinished && !current.busy
        }
        val session = verification
        if (!allowed || session == null) return
        mutableState.update { it.copy(busy = true, error = null) }
        scope.launch {
            val result: Outcome<Unit, TrustError> = when (event) {
                VerificationEvent.Accept -> session.accept()
                VerificationEvent.StartEmojis -> session.startEmojis()
                VerificationEvent.Match -> session.confirm()
                VerificationEvent.NoMatch -> session.mismatch()
                VerificationEvent.Cancel -> session.cancel()
            }
            mutableState.update { it.copy(busy = false, error = (result as? Outcome.Failure)?.error) }
        }
    }
}

private fun VerificationState.toPhase(): VerificationPhase = when (this) {
    VerificationState.Requested -> VerificationPhase.Requested
    VerificationState.Ready -> VerificationPhase.Ready
    VerificationState.Starting -> VerificationPhase.ExchangingKeys
    is VerificationState.Emojis -> VerificationPhase.CompareEmojis(emojis)
    VerificationState.Confirmed -> VerificationPhase.WaitingForOther
    VerificationState.Done -> VerificationPhase.Verified
    is VerificationState.Cancelled -> VerificationPhase.Cancelled(
        when (reason) {
            "m.mismatched_sas", "m.key_mismatch" -> CancelKind.MISMATCH
            "m.user" -> CancelKind.BY_USER
            "m.timeout" -> CancelKind.TIMEOUT
            else -> CancelKind.OTHER
        },
    )
}
