package fr.innomed.android.features.caselist

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseSummary
import fr.innomed.android.api.cases.DeadlineState

/**
 * Which rows the list shows: all, or the requests whose deadline the core says is near or past
 * (what a specialist on duty goes through first).
 */
enum class CaseFilter(val deadline: DeadlineState?) {
    ALL(null),
    DUE_SOON(DeadlineState.DUE_SOON),
    OVERDUE(DeadlineState.OVERDUE),
    ;

    fun keeps(row: CaseSummary): Boolean = deadline == null || row.deadline?.state == deadline
}

data class CaseListState(
    /** Sorted as [CaseOrder] says. */
    val rows: List<CaseSummary> = emptyList(),
    /** True until the first list arrived. */
    val loading: Boolean = true,
    /** Invitations being accepted or declined: their buttons wait. */
    val pending: Set<RoomId> = emptySet(),
    val error: CaseError? = null,
    /** Set after accepting an invitation: the view opens that case. */
    val openedCase: RoomId? = null,
    val filter: CaseFilter = CaseFilter.ALL,
) {
    val invitationCount: Int get() = rows.count { it.isInvitation }

    /** The rows [filter] keeps, in the list's order. */
    val shown: List<CaseSummary> get() = rows.filter(filter::keeps)

    /** How many rows [filter] would keep (the chips' counts). */
    fun count(filter: CaseFilter): Int = rows.count(filter::keeps)
}

sealed interface CaseListEvent {
    data class Accept(val roomId: RoomId) : CaseListEvent

    data class Decline(val roomId: RoomId) : CaseListEvent

    /** The view opened [CaseListState.openedCase]. */
    data object CaseOpened : CaseListEvent

    data object DismissError : CaseListEvent

    data class Filter(val filter: CaseFilter) : CaseListEvent
}
