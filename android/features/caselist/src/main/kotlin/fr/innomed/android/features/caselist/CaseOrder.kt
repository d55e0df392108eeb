package fr.innomed.android.features.caselist

import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.CaseSummary
import fr.innomed.android.api.cases.DeadlineState

/**
 * The order of the case list: invitations first, then requests by where the core says they
 * stand against their deadline (overdue, due soon, on time; each by due date, soonest first),
 * then cases without a deadline, then the ones done with (a request's deadline done, or a case
 * between colleagues answered or closed). Ties keep a stable order by case code.
 */
object CaseOrder : Comparator<CaseSummary> {
    private fun group(row: CaseSummary): Int = if (row.isInvitation) 0 else when (row.deadline?.state) {
        DeadlineState.OVERDUE -> 1
        DeadlineState.DUE_SOON -> 2
        DeadlineState.ON_TIME -> 3
        null -> if (row.status == CaseStatus.ANSWERED || row.status == CaseStatus.CLOSED) 5 else 4
        DeadlineState.DONE -> 5
    }

    private val order = compareBy<CaseSummary>(::group)
        .thenBy(nullsLast()) { it.deadline?.dueAtMillis ?: it.dueAtMillis }
        .thenBy { it.code }

    override fun compare(a: CaseSummary, b: CaseSummary): Int = order.compare(a, b)
}
