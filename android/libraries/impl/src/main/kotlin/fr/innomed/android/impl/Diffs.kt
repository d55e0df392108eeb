package fr.innomed.android.impl

import fr.innomed.sdk.CaseListDiff
import fr.innomed.sdk.CaseSummary
import fr.innomed.sdk.TimelineDiff
import fr.innomed.sdk.TimelineItem

// The bindings send a reset, then diffs; the services keep a copy and emit whole lists.
// The two generated diff types have the same shape and no common supertype.

internal fun MutableList<CaseSummary>.apply(diff: CaseListDiff) {
    when (diff) {
        is CaseListDiff.Reset -> { clear(); addAll(diff.values) }
        is CaseListDiff.Append -> addAll(diff.values)
        CaseListDiff.Clear -> clear()
        is CaseListDiff.PushFront -> add(0, diff.value)
        is CaseListDiff.PushBack -> add(diff.value)
        CaseListDiff.PopFront -> removeAt(0)
        CaseListDiff.PopBack -> removeAt(lastIndex)
        is CaseListDiff.Insert -> add(diff.index.toInt(), diff.value)
        is CaseListDiff.Set -> set(diff.index.toInt(), diff.value)
        is CaseListDiff.Remove -> removeAt(diff.index.toInt())
        is CaseListDiff.Truncate -> truncate(diff.length.toInt())
    }
}

internal fun MutableList<TimelineItem>.apply(diff: TimelineDiff) {
    when (diff) {
        is TimelineDiff.Reset -> { clear(); addAll(diff.values) }
        is TimelineDiff.Append -> addAll(diff.values)
        TimelineDiff.Clear -> clear()
        is TimelineDiff.PushFront -> add(0, diff.value)
        is TimelineDiff.PushBack -> add(diff.value)
        TimelineDiff.PopFront -> removeAt(0)
        TimelineDiff.PopBack -> removeAt(lastIndex)
        is TimelineDiff.Insert -> add(diff.index.toInt(), diff.value)
        is TimelineDiff.Set -> set(diff.index.toInt(), diff.value)
        is TimelineDiff.Remove -> removeAt(diff.index.toInt())
        is TimelineDiff.Truncate -> truncate(diff.length.toInt())
    }
}

private fun <T> MutableList<T>.truncate(length: Int) {
    if (length < size) subList(length, size).clear()
}
