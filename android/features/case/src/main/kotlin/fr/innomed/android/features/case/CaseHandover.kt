package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseService
import java.util.concurrent.atomic.AtomicBoolean
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * A télé-expertise request before its history reaches the specialist who takes it: the brief
 * a routed specialist reads to decide (the header, photos and messages come only to the taker),
 * and the moment the core stops saying the request waits for its hand-over (its history can be
 * read then).
 *
 * Called whenever the core's decision for the case is read again: when it shows, when its row
 * in the list changes, when its conversation changes (a take, a withdrawal, the requesting doctor's
 * record) and after every action.
 *
 * @param derive recomputes what the conversation gives the screen (header, requester) from the new state.
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
    private val briefLoading = AtomicBoolean()

    /** [before]: the core's previous answer (null at the first); [now]: its answer now. */
    fun onAllowed(before: CaseActions?, now: CaseActions) {
        if (before?.handover != null && now.handover == null) onHandedOver()
        loadBrief(now)
    }

    /** The brief, once, while the header cannot be read: for an invitation, or a request the core says waits for its hand-over. */
    private fun loadBrief(now: CaseActions) {
        val current = state.value
        if (current.brief != null || current.header != null) return
        if (now.role != CaseRole.INVITED && now.handover == null) return
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
