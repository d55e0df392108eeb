package fr.innomed.android.features.caselist

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseSummary
import fr.innomed.android.api.cases.DeadlineState

/**
 * Which rows the list shows, each chip one of the core's flags on a row (nothing recomputed
 * here): all; what the core says waits for this doctor; the cases they opened; the requests
 * whose deadline the core says is near or past (what a specialist on duty goes through first);
 * the muted ones; and the archive, the core's own list.
 */
enum class CaseFilter {
    ALL,
    WAITING_FOR_ME,
    ASKED_BY_ME,
    DUE_SOON,
    OVERDUE,
    MUTED,
    ARCHIVED,
    ;

    /** Whether the core's flags put [row] under this chip (the archive is a list of its own). */
    fun keeps(row: CaseSummary): Boolean = when (this) {
        ALL, ARCHIVED -> true
        WAITING_FOR_ME -> row.waitingForMe
        ASKED_BY_ME -> row.askedByMe
        DUE_SOON -> row.deadline?.state == DeadlineState.DUE_SOON
        OVERDUE -> row.deadline?.state == DeadlineState.OVERDUE
        MUTED -> row.muted
    }
}

data class CaseListState(
    /** Sorted as [CaseOrder] says; archived cases are not here. */
    val rows: List<CaseSummary> = emptyList(),
    /** True until the first list arrived. */
    val loading: Boolean = true,
    /** Invitations being accepted or declined, cases being archived or restored: their buttons wait. */
    val pending: Set<RoomId> = emptySet(),
    val error: CaseError? = null,
    /** Set after accepting an invitation: the view opens that case. */
    val openedCase: RoomId? = null,
    val filter: CaseFilter = CaseFilter.ALL,
    /** The archive, as the core lists it, sorted as [CaseOrder] says. */
    val archived: List<CaseSummary> = emptyList(),
    /** The search field and its results: while a query is typed they replace the rows. */
    val search: CaseSearch = CaseSearch(),
    /** Closed cases idle for a while being archived at once: the button waits. */
    val archivingOld: Boolean = false,
    /** How many cases that put in the archive, shown in the archive until another chip is picked. */
    val archivedOld: Int? = null,
) {
    val invitationCount: Int get() = rows.count { it.isInvitation }

    /** The rows [filter] keeps, in the list's order; the archive for [CaseFilter.ARCHIVED]. */
    val shown: List<CaseSummary> get() = if (filter == CaseFilter.ARCHIVED) archived else rows.filter(filter::keeps)

    /** How many rows [filter] would keep (the chips' counts). */
    fun count(filter: CaseFilter): Int = if (filter == CaseFilter.ARCHIVED) archived.size else rows.count(filter::keeps)
}

sealed interface CaseListEvent {
    data class Accept(val roomId: RoomId) : CaseListEvent

    data class Decline(val roomId: RoomId) : CaseListEvent

    /** The view opened [CaseListState.openedCase]. */
    data object CaseOpened : CaseListEvent

    data object DismissError : CaseListEvent

    data class Filter(val filter: CaseFilter) : CaseListEvent

    /** What the search field holds now; the core is asked once the typing pauses. */
    data class Query(val text: String) : CaseListEvent

    /** Puts a closed case in the archive. */
    data class Archive(val roomId: RoomId) : CaseListEvent

    /** Brings an archived case back into the list. */
    data class Restore(val roomId: RoomId) : CaseListEvent

    /** Archives every closed case idle for [CaseListPresenter.ARCHIVE_AFTER_DAYS] days. */
    data object ArchiveOld : CaseListEvent
}
