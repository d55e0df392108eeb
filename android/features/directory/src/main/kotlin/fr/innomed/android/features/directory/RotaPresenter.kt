package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.directory.DutySlot
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * The CPTS's duty rota by week: every member reads it; the coordinator adds and removes slots.
 * A change replaces the member's whole list of slots (the core checks each one: the member's
 * specialty, within one day) and the rota is read back from the core afterwards.
 */
class RotaPresenter(
    private val scope: CoroutineScope,
    private val directory: DirectoryService,
) : Presenter<RotaState, RotaEvent> {
    private val mutableState = MutableStateFlow(RotaState(specialties = directory.specialties()))
    override val state: StateFlow<RotaState> = mutableState.asStateFlow()

    init {
        scope.launch { load() }
    }

    override fun onEvent(event: RotaEvent) {
        when (event) {
            RotaEvent.Retry -> scope.launch { load() }
            RotaEvent.OpenEditor -> mutableState.update { if (it.canEdit) it.copy(draft = SlotDraft()) else it }
            is RotaEvent.DraftChanged -> mutableState.update { s ->
                // Another member: a specialty of theirs only (the first one, if they have one).
                val before = s.draft
                val draft = if (before != null && event.draft.member != before.member) {
                    val specialties = s.rota?.members?.firstOrNull { it.userId == event.draft.member }?.specialties.orEmpty()
                    event.draft.copy(specialty = specialties.firstOrNull())
                } else {
                    event.draft
                }
                s.copy(draft = draft.copy(invalid = false))
            }
            RotaEvent.CloseEditor -> mutableState.update { it.copy(draft = null) }
            RotaEvent.SaveSlot -> save()
            is RotaEvent.RemoveSlot -> remove(event.line)
            RotaEvent.DismissError -> mutableState.update { it.copy(error = null) }
        }
    }

    private suspend fun load() {
        mutableState.update { it.copy(loading = true, error = null) }
        when (val found = directory.rota()) {
            is Outcome.Success -> mutableState.update { it.copy(rota = found.value, loading = false) }
            is Outcome.Failure -> mutableState.update { it.copy(loading = false, error = found.error) }
        }
    }

    private fun save() {
        val current = mutableState.value
        val draft = current.draft ?: return
        if (current.saving) return
        val member = draft.member
        val specialty = draft.specialty
        val start = parseTime(draft.start)
        val end = parseTime(draft.end)
        if (member == null || specialty == null || start == null || end == null) {
            mutableState.update { it.copy(draft = draft.copy(invalid = true)) }
            return
        }
        val slots = current.rota?.slots?.get(member).orEmpty() + DutySlot(specialty, draft.weekday, start, end)
        change(member, slots, closeEditor = true)
    }

    private fun remove(line: RotaLine) {
        val current = mutableState.value
        if (!current.canEdit || current.saving) return
        change(line.userId, current.rota?.slots?.get(line.userId).orEmpty() - line.slot, closeEditor = false)
    }

    private fun change(member: UserId, slots: List<DutySlot>, closeEditor: Boolean) {
        mutableState.update { it.copy(saving = true, error = null) }
        scope.launch {
            when (val done = directory.setDuty(member, slots)) {
                is Outcome.Success -> {
                    mutableState.update { it.copy(saving = false, draft = if (closeEditor) null else it.draft) }
                    load()
                }
                // The dialog stays open with what was typed; the error says why.
                is Outcome.Failure -> mutableState.update { it.copy(saving = false, error = done.error) }
            }
        }
    }
}
