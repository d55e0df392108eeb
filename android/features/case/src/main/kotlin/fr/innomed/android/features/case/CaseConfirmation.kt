package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseService
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * Confirming, for this case, a member neither verified by the doctor nor attested by their CPTS
 * (the banner's button beside each such member): one at a time, while the core allows it. The
 * core sends nothing into the case until then. Whatever the outcome, [onDone] reads again who
 * nobody can vouch for and what the core allows (a request taken by them is handed over then).
 */
internal class CaseConfirmation(
    private val scope: CoroutineScope,
    private val roomId: RoomId,
    private val cases: CaseService,
    private val state: MutableStateFlow<CaseState>,
    private val onDone: suspend CoroutineScope.() -> Unit,
) {
    fun confirm(userId: UserId) {
        val current = state.value
        if (current.confirming != null || !current.canConfirm) return
        state.update { it.copy(confirming = userId, error = null) }
        scope.launch {
            val result = cases.confirmMember(roomId, userId)
            val error = (result as? Outcome.Failure)?.let { CaseScreenError.Case(it.error) }
            state.update { it.copy(confirming = null, error = error) }
            onDone()
        }
    }
}
