package fr.innomed.android.features.caselist

import fr.innomed.android.api.cases.CaseRow
import fr.innomed.android.api.cases.DeadlineBadge

/**
 * The order of the case list: invitations first, then overdue cases, then open cases by due
 * date (soonest first), then open cases without a due date, then answered and closed ones.
 * Ties keep a stable order by case code.
 */
object CaseOrder : Comparator<CaseRow> {
    private fun group(row: CaseRow): Int = when {
        row.isInvitation -> 0
        row.deadline == DeadlineBadge.OVERDUE -> 1
        row.deadline == DeadlineBadge.ON_TIME -> 2
        row.deadline == DeadlineBadge.NONE -> 3
        else -> 4
    }

    private val order = compareBy<CaseRow>(::group)
        .thenBy(nullsLast()) { it.dueAtMillis }
        .thenBy { it.code }

    override fun compare(a: CaseRow, b: CaseRow): Int = order.compare(a, b)
}
