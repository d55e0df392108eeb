package fr.innomed.android.features.caselist

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseSummary

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
) {
    val invitationCount: Int get() = rows.count { it.isInvitation }
}

sealed interface CaseListEvent {
    data class Accept(val roomId: RoomId) : CaseListEvent

    data class Decline(val roomId: RoomId) : CaseListEvent

    /** The view opened [CaseListState.openedCase]. */
    data object CaseOpened : CaseListEvent

    data object DismissError : CaseListEvent
}
