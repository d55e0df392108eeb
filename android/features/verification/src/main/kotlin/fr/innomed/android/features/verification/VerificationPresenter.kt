package fr.innomed.android.features.verification

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
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

/** Verification with seven emojis, step by step, from either side: a device, or a colleague. */
class VerificationPresenter(
    private val scope: CoroutineScope,
    private val trust: TrustService,
    target: VerificationTarget,
) : Presenter<VerificationScreenState, VerificationEvent> {
    private val mutableState = MutableStateFlow(
        VerificationScreenState(
            incoming = target is VerificationTarget.Incoming,
            otherUser = (target as? VerificationTarget.Colleague)?.userId,
            otherName = (target as? VerificationTarget.Colleague)?.name,
        ),
    )
    override val state: StateFlow<VerificationScreenState> = mutableState.asStateFlow()

    @Volatile private var verification: Verification? = null

    init {
        scope.launch {
            when (target) {
                is VerificationTarget.Device -> start(trust.verifyDevice(target.userId, target.deviceId))
                is VerificationTarget.Incoming -> {
                    mutableState.update { it.copy(phase = VerificationPhase.WaitingForRequest) }
                    start(trust.incomingVerification(target.timeoutMillis))
                }
                is VerificationTarget.Colleague -> colleague(target.userId)
            }
        }
    }

    /**
     * The colleague's devices not verified yet (all of them if each one is): one is asked at
     * once, several are offered to choose from, none ends here.
     */
    private suspend fun colleague(userId: UserId) {
        when (val found = trust.devicesOf(userId)) {
            is Outcome.Failure -> mutableState.update { it.copy(phase = VerificationPhase.Failed(found.error)) }
            is Outcome.Success -> {
                val devices = found.value.filterNot { it.verified }.ifEmpty { found.value }.map { it.deviceId }
                when (devices.size) {
                    0 -> mutableState.update { it.copy(phase = VerificationPhase.NoDevice) }
                    1 -> start(trust.verifyDevice(userId, devices.single()))
                    else -> mutableState.update { it.copy(phase = VerificationPhase.ChooseDevice(devices)) }
                }
            }
        }
    }

    private suspend fun start(found: Outcome<Verification?, TrustError>) {
        when (found) {
            is Outcome.Failure -> mutableState.update { it.copy(phase = VerificationPhase.Failed(found.error)) }
            is Outcome.Success -> found.value?.let { follow(it) }
                ?: mutableState.update { it.copy(phase = VerificationPhase.NoRequest) }
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
        if (event is VerificationEvent.PickDevice) {
            val choice = current.phase as? VerificationPhase.ChooseDevice ?: return
            val userId = current.otherUser ?: return
            if (event.deviceId !in choice.devices) return
            mutableState.update { it.copy(phase = VerificationPhase.Starting) }
            scope.launch { start(trust.verifyDevice(userId, event.deviceId)) }
            return
        }
        val allowed = when (event) {
            VerificationEvent.Accept -> current.canAccept
            VerificationEvent.StartEmojis -> current.canStartEmojis
            VerificationEvent.Match, VerificationEvent.NoMatch -> current.canCompare
            VerificationEvent.Cancel -> !current.isFinished && !current.busy
            is VerificationEvent.PickDevice -> false
        }
        val session = verification
        if (allowed && session == null && event == VerificationEvent.Cancel) {
            // Nothing asked yet (a device still to choose): cancelling only ends the screen's flow.
            mutableState.update { it.copy(phase = VerificationPhase.Cancelled(CancelKind.BY_USER)) }
            return
        }
        if (!allowed || session == null) return
        mutableState.update { it.copy(busy = true, error = null) }
        scope.launch {
            val result: Outcome<Unit, TrustError> = when (event) {
                VerificationEvent.Accept -> session.accept()
                VerificationEvent.StartEmojis -> session.startEmojis()
                VerificationEvent.Match -> session.confirm()
                VerificationEvent.NoMatch -> session.mismatch()
                VerificationEvent.Cancel -> session.cancel()
                is VerificationEvent.PickDevice -> Outcome.Done
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
