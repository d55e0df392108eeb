package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.requests.NextStep
import fr.innomed.android.api.requests.NextStepState
import fr.innomed.android.api.requests.RequestService
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * The next step of the GP's request, as the card shows it: when ([atMillis]), where it stands, and
 * the specialists it invites by name ([specialists], empty: the coordinator only), named as the
 * CPTS directory names them, else as the case does, else by user id.
 */
data class NextStepCard(val atMillis: Long, val state: NextStepState, val specialists: List<String>)

/**
 * Reads the core's next step of a request whenever its decision for the case is read again, on
 * the requesting doctor's device only (the core says who asked, and that the case is a request):
 * planned, sent or cancelled, as the core says; the screen decides none of it. A failed read
 * keeps the last card, and an older answer arriving late does not replace a newer one. The
 * directory is read once, when a specialist of the next step has no name yet.
 */
internal class CaseNextStep(
    private val scope: CoroutineScope,
    private val roomId: RoomId,
    private val requests: RequestService,
    private val directory: DirectoryService?,
    private val state: MutableStateFlow<CaseState>,
) {
    private val reads = AtomicInteger()

    /** The directory's names, once read. */
    @Volatile private var names: Map<UserId, String>? = null

    fun onAllowed(now: CaseActions) {
        if (now.role != CaseRole.REQUESTER || state.value.details?.statusInfo?.isRequest != true) return
        val read = reads.incrementAndGet()
        scope.launch {
            val found = requests.nextStep(roomId) as? Outcome.Success ?: return@launch
            val card = found.value?.let { card(it) }
            if (read != reads.get()) return@launch
            state.update { it.copy(nextStep = card) }
        }
    }

    private suspend fun card(step: NextStep): NextStepCard {
        if (names == null && directory != null && step.specialists.isNotEmpty()) {
            val found = directory.search(null, null)
            if (found is Outcome.Success) names = found.value.associate { it.userId to it.displayName }
        }
        val known = names.orEmpty()
        return NextStepCard(step.atMillis, step.state, step.specialists.map { known[it] ?: state.value.nameOf(it) })
    }
}
