package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.directory.EntryEdit
import fr.innomed.android.architecture.Presenter
import java.text.Collator
import java.util.Locale
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * The CPTS directory: search by specialty and part of a name, and who is on duty now. A new
 * search replaces the running one; typing waits [typingPauseMillis] before searching. When the
 * core says the doctor coordinates the CPTS, a member's entry can be corrected (name,
 * specialties, retired): the core checks it, its refusal is shown with what was typed kept, and
 * the directory is read again once it is saved.
 */
class DirectoryPresenter(
    private val scope: CoroutineScope,
    private val directory: DirectoryService,
    initialSpecialty: String? = null,
    private val typingPauseMillis: Long = 300,
) : Presenter<DirectoryState, DirectoryEvent> {
    private val mutableState = MutableStateFlow(
        DirectoryState(specialties = directory.specialties(), specialty = initialSpecialty),
    )
    override val state: StateFlow<DirectoryState> = mutableState.asStateFlow()
    private var search: Job? = null
    private val collator = Collator.getInstance(Locale.FRENCH)

    init {
        search(pause = 0)
        checkCoordinator()
    }

    override fun onEvent(event: DirectoryEvent) {
        when (event) {
            is DirectoryEvent.SpecialtySelected -> {
                if (event.code != null && mutableState.value.specialties.none { it.code == event.code }) return
                mutableState.update { it.copy(specialty = event.code) }
                search(pause = 0)
            }
            is DirectoryEvent.QueryChanged -> {
                mutableState.update { it.copy(query = event.text) }
                search(pause = typingPauseMillis)
            }
            is DirectoryEvent.Pick -> mutableState.update { it.copy(picked = event.entry) }
            DirectoryEvent.PickHandled -> mutableState.update { it.copy(picked = null) }
            DirectoryEvent.Retry -> {
                search(pause = 0)
                checkCoordinator()
            }
            is DirectoryEvent.StartEdit -> mutableState.update {
                if (it.isCoordinator) it.copy(edit = EntryDraft(event.entry), picked = null, edited = null) else it
            }
            is DirectoryEvent.EditNameChanged -> editDraft { it.copy(displayName = event.text) }
            is DirectoryEvent.EditSpecialtyToggled -> {
                if (mutableState.value.specialties.none { it.code == event.code }) return
                editDraft { draft ->
                    val chosen = if (event.code in draft.specialties) draft.specialties - event.code else draft.specialties + event.code
                    draft.copy(specialties = chosen)
                }
            }
            is DirectoryEvent.EditRetiredChanged -> editDraft { it.copy(retired = event.retired) }
            DirectoryEvent.SaveEdit -> saveEdit()
            DirectoryEvent.CancelEdit -> mutableState.update { it.copy(edit = null) }
        }
    }

    /** The core's answer; a failure (no CPTS, offline) only means no correction is offered. */
    private fun checkCoordinator() {
        scope.launch {
            val coordinator = (directory.isCoordinator() as? Outcome.Success)?.value == true
            mutableState.update { it.copy(isCoordinator = coordinator) }
        }
    }

    /** A change while saving waits; any change clears the last refusal. */
    private fun editDraft(change: (EntryDraft) -> EntryDraft) = mutableState.update { state ->
        val draft = state.edit?.takeUnless { it.saving } ?: return@update state
        state.copy(edit = change(draft).copy(error = null))
    }

    private fun saveEdit() {
        val draft = mutableState.value.edit ?: return
        if (!draft.canSave) return
        // In the list's order, whatever the order of the taps; a code outside it is the core's to refuse.
        val codes = mutableState.value.specialties.map { it.code }
        val specialties = codes.filter { it in draft.specialties } + draft.specialties.filterNot { it in codes }
        val edit = EntryEdit(displayName = draft.displayName.trim(), specialties = specialties, retired = draft.retired)
        mutableState.update { it.copy(edit = draft.copy(saving = true, error = null)) }
        scope.launch {
            when (val saved = directory.editMember(draft.entry.userId, edit)) {
                is Outcome.Success -> {
                    mutableState.update { it.copy(edit = null, edited = saved.value) }
                    search(pause = 0)
                }
                is Outcome.Failure -> mutableState.update { state ->
                    state.copy(edit = state.edit?.copy(saving = false, error = saved.error))
                }
            }
        }
    }

    private fun search(pause: Long) {
        search?.cancel()
        val specialty = mutableState.value.specialty
        val query = mutableState.value.query.trim().takeIf { it.isNotEmpty() }
        mutableState.update { it.copy(searching = true, error = null) }
        search = scope.launch {
            if (pause > 0) delay(pause)
            val results = directory.search(specialty, query)
            val onDuty = specialty?.let { directory.onDutyNow(it) } ?: Outcome.Success(emptyList())
            mutableState.update { state ->
                when {
                    results is Outcome.Failure -> state.copy(searching = false, error = results.error)
                    onDuty is Outcome.Failure -> state.copy(searching = false, error = onDuty.error)
                    else -> state.copy(
                        searching = false,
                        results = (results as Outcome.Success).value.sortedWith(compareBy(collator) { it.displayName }),
                        onDuty = (onDuty as Outcome.Success).value,
                    )
                }
            }
        }
    }
}
