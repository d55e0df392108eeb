package fr.innomed.android.impl

import fr.innomed.sdk.CaseListDiff
import fr.innomed.sdk.ConversationDiff
import fr.innomed.core.CaseSummary as SdkCaseSummary
import fr.innomed.core.ConversationItem as SdkConversationItem

// The bindings send a reset, then diffs; the services keep a copy and emit whole lists.
// The two generated diff types have the same shape and no common supertype.

internal fun MutableList<SdkCaseSummary>.apply(diff: CaseListDiff) {
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

internal fun MutableList<SdkConversationItem>.apply(diff: ConversationDiff) {
    when (diff) {
        is ConversationDiff.Reset -> { clear(); addAll(diff.values) }
        is ConversationDiff.Append -> addAll(diff.values)
        ConversationDiff.Clear -> clear()
        is ConversationDiff.PushFront -> add(0, diff.value)
        is ConversationDiff.PushBack -> add(diff.value)
        ConversationDiff.PopFront -> removeAt(0)
        ConversationDiff.PopBack -> removeAt(lastIndex)
        is ConversationDiff.Insert -> add(diff.index.toInt(), diff.value)
        is ConversationDiff.Set -> set(diff.index.toInt(), diff.value)
        is ConversationDiff.Remove -> removeAt(diff.index.toInt())
        is ConversationDiff.Truncate -> truncate(diff.length.toInt())
    }
}

private fun <T> MutableList<T>.truncate(length: Int) {
    if (length < size) subList(length, size).clear()
}
