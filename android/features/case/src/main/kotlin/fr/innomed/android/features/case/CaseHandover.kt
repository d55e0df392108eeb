package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseService
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * A télé-expertise request before its history reaches the specialist who takes it: the brief
 * a routed specialist reads to decide (the header, photos and messages come only to the taker),
 * and whether the request still waits for the requesting doctor's device to hand it over
 * (nobody writes into it until then).
 *
 * Both are asked whenever the case's details are read again: when it shows, when its row in the
 * list changes (status, membership), when its timeline changes (a take, a withdrawal, the
 * requesting doctor's record) and after every action. A failed check keeps the last answer and
 * is tried again at the next one; once handed over, a request never waits again.
 *
 * @param derive recomputes role, actions and composer from the new state.
 * @param onHandedOver the request was just handed over: its history can be read now.
 */
internal class CaseHandover(
    private val scope: CoroutineScope,
    private val roomId: RoomId,
    private val cases: CaseService,
    private val state: MutableStateFlow<CaseState>,
    private val derive: (CaseState) -> CaseState,
    private val onHandedOver: () -> Unit,
) {
    @Volatile private var handedOver = false

    /** The latest check: an older answer arriving late does not replace a newer one. */
    private val check = AtomicInteger()
    private val briefLoading = AtomicBoolean()

    /** [invitedToRequest]: the case list says this invitation is a télé-expertise request. */
    fun onDetails(details: CaseDetails, invitedToRequest: Boolean) {
        checkHandover(details)
        loadBrief(details, invitedToRequest)
    }

    private fun checkHandover(details: CaseDetails) {
        if (handedOver || !CaseRules.mayAwaitHandover(details)) return
        val current = check.incrementAndGet()
        scope.launch {
            val found = cases.awaitingHandover(roomId)
            if (current != check.get() || found !is Outcome.Success) return@launch
            val waited = state.value.awaitingHandover == true
            if (!found.value) handedOver = true
            state.update { derive(it.copy(awaitingHandover = found.value)) }
            if (waited && !found.value) onHandedOver()
        }
    }

    /** The brief, once: for an invitation to a request, or a joined request whose header is not readable yet. */
    private fun loadBrief(details: CaseDetails, invitedToRequest: Boolean) {
        val current = state.value
        if (current.brief != null || current.header != null) return
        if (!invitedToRequest && !CaseRules.mayAwaitHandover(details)) return
        if (!briefLoading.compareAndSet(false, true)) return
        scope.launch {
            try {
                val brief = (cases.requestBrief(roomId) as? Outcome.Success)?.value ?: return@launch
                state.update { derive(it.copy(brief = brief)) }
            } finally {
                briefLoading.set(false)
            }
        }
    }
}
