package fr.innomed.android.features.caselist

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseService
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/** The live case list, sorted for a doctor between consultations; invitations answered here. */
class CaseListPresenter(
    private val scope: CoroutineScope,
    private val cases: CaseService,
) : Presenter<CaseListState, CaseListEvent> {
    private val mutableState = MutableStateFlow(CaseListState())
    override val state: StateFlow<CaseListState> = mutableState.asStateFlow()

    init {
        scope.launch {
            cases.cases.collect { rows ->
                mutableState.update { it.copy(rows = rows.sortedWith(CaseOrder), loading = false) }
            }
        }
    }

    override fun onEvent(event: CaseListEvent) {
        when (event) {
            is CaseListEvent.Accept -> answer(event.roomId, open = true) { cases.accept(it) }
            is CaseListEvent.Decline -> answer(event.roomId, open = false) { cases.decline(it) }
            CaseListEvent.CaseOpened -> mutableState.update { it.copy(openedCase = null) }
            CaseListEvent.DismissError -> mutableState.update { it.copy(error = null) }
            is CaseListEvent.Filter -> mutableState.update { it.copy(filter = event.filter) }
        }
    }

    private fun answer(roomId: RoomId, open: Boolean, call: suspend (RoomId) -> Outcome<Unit, CaseError>) {
        if (roomId in mutableState.value.pending) return
        mutableState.update { it.copy(pending = it.pending + roomId, error = null) }
        scope.launch {
            val result = call(roomId)
            mutableState.update {
                when (result) {
                    is Outcome.Success -> it.copy(pending = it.pending - roomId, openedCase = if (open) roomId else it.openedCase)
                    is Outcome.Failure -> it.copy(pending = it.pending - roomId, error = result.error)
                }
            }
        }
    }
}
