package fr.innomed.android.features.caselist

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseService
import fr.innomed.android.api.search.SearchService
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * The live case list, sorted for a doctor between consultations, its chips (the core's flags),
 * the archive and the search across the cases; invitations answered here.
 */
class CaseListPresenter(
    private val scope: CoroutineScope,
    private val cases: CaseService,
    search: SearchService,
) : Presenter<CaseListState, CaseListEvent> {
    private val mutableState = MutableStateFlow(CaseListState())
    override val state: StateFlow<CaseListState> = mutableState.asStateFlow()
    private val searching = CaseSearchRunner(scope, search, mutableState, SEARCH_DEBOUNCE_MILLIS)

    init {
        scope.launch {
            cases.cases.collect { rows ->
                mutableState.update { it.copy(rows = rows.sortedWith(CaseOrder), loading = false) }
            }
        }
        scope.launch {
            cases.archivedCases.collect { rows -> mutableState.update { it.copy(archived = rows.sortedWith(CaseOrder)) } }
        }
    }

    override fun onEvent(event: CaseListEvent) {
        when (event) {
            is CaseListEvent.Accept -> act(event.roomId, open = true) { cases.accept(it) }
            is CaseListEvent.Decline -> act(event.roomId, open = false) { cases.decline(it) }
            CaseListEvent.CaseOpened -> mutableState.update { it.copy(openedCase = null) }
            CaseListEvent.DismissError -> mutableState.update { it.copy(error = null) }
            is CaseListEvent.Filter -> mutableState.update { it.copy(filter = event.filter, archivedOld = null) }
            is CaseListEvent.Query -> searching.query(event.text)
            is CaseListEvent.Archive -> act(event.roomId, open = false) { cases.archive(it) }
            is CaseListEvent.Restore -> act(event.roomId, open = false) { cases.restore(it) }
            CaseListEvent.ArchiveOld -> archiveOld()
        }
    }

    /** One call at a time per case: a double tap asks the core once. */
    private fun act(roomId: RoomId, open: Boolean, call: suspend (RoomId) -> Outcome<Unit, CaseError>) {
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

    /** The core picks the closed cases idle that long and says how many it archived. */
    private fun archiveOld() {
        if (mutableState.value.archivingOld) return
        mutableState.update { it.copy(archivingOld = true, archivedOld = null, error = null) }
        scope.launch {
            val result = cases.archiveClosedOlderThan(ARCHIVE_AFTER_DAYS)
            mutableState.update {
                when (result) {
                    is Outcome.Success -> it.copy(archivingOld = false, archivedOld = result.value)
                    is Outcome.Failure -> it.copy(archivingOld = false, error = result.error)
                }
            }
        }
    }

    companion object {
        /** How long the search waits for the typing to pause before asking the core. */
        const val SEARCH_DEBOUNCE_MILLIS = 300L

        /** "Archiver les dossiers clos depuis 30 jours": closed cases idle that many days. */
        const val ARCHIVE_AFTER_DAYS = 30
    }
}
