package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.Absence
import fr.innomed.android.api.directory.Availability
import fr.innomed.android.api.directory.AvailabilityProblem
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.directory.Permanence
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * "Mes disponibilités": the signed-in member ([me]) declares their own absences and one-off
 * permanences beside the coordinator's weekly rota, and withdraws them. The presenter decides
 * nothing the core decides: it passes what was typed (days rewritten as the core writes them,
 * hours in minutes) and shows the core's answer: the new availability, or its refusal in the
 * dialog with what was typed kept. The member's specialties come from the directory.
 */
class AvailabilityPresenter(
    private val scope: CoroutineScope,
    private val directory: DirectoryService,
    private val me: UserId,
) : Presenter<AvailabilityState, AvailabilityEvent> {
    private val mutableState = MutableStateFlow(AvailabilityState(specialties = directory.specialties()))
    override val state: StateFlow<AvailabilityState> = mutableState.asStateFlow()

    init {
        scope.launch { load() }
    }

    override fun onEvent(event: AvailabilityEvent) {
        when (event) {
            AvailabilityEvent.Retry -> scope.launch { load() }
            AvailabilityEvent.OpenAbsence -> mutableState.update {
                if (it.availability == null) it else it.copy(absenceDraft = AbsenceDraft(), permanenceDraft = null)
            }
            is AvailabilityEvent.AbsenceChanged -> mutableState.update {
                if (it.saving || it.absenceDraft == null) it else it.copy(absenceDraft = event.draft.copy(error = null))
            }
            AvailabilityEvent.SaveAbsence -> saveAbsence()
            AvailabilityEvent.OpenPermanence -> mutableState.update {
                if (!it.canDeclarePermanence) it else it.copy(permanenceDraft = PermanenceDraft(specialty = it.mySpecialties.first()), absenceDraft = null)
            }
            is AvailabilityEvent.PermanenceChanged -> mutableState.update {
                if (it.saving || it.permanenceDraft == null) it else it.copy(permanenceDraft = event.draft.copy(invalidTime = false, error = null))
            }
            AvailabilityEvent.SavePermanence -> savePermanence()
            AvailabilityEvent.CloseEditor -> mutableState.update { it.copy(absenceDraft = null, permanenceDraft = null) }
            is AvailabilityEvent.RemoveAbsence -> withdraw { directory.removeAbsence(event.absence) }
            is AvailabilityEvent.RemovePermanence -> withdraw { directory.removePermanence(event.permanence) }
            AvailabilityEvent.DismissError -> mutableState.update { it.copy(error = null) }
        }
    }

    private suspend fun load() {
        mutableState.update { it.copy(loading = true, error = null) }
        val mine = directory.myAvailability()
        val members = directory.search(null, null)
        mutableState.update { state ->
            when {
                mine is Outcome.Failure -> state.copy(loading = false, error = mine.error)
                members is Outcome.Failure -> state.copy(loading = false, error = members.error)
                else -> state.copy(
                    loading = false,
                    availability = (mine as Outcome.Success).value,
                    mySpecialties = (members as Outcome.Success).value.firstOrNull { it.userId == me }?.specialties.orEmpty(),
                )
            }
        }
    }

    private fun saveAbsence() {
        val current = mutableState.value
        val draft = current.absenceDraft ?: return
        if (current.saving || !draft.canSave) return
        val absence = Absence(firstDay = coreDay(draft.firstDay), lastDay = coreDay(draft.lastDay))
        declare(call = { directory.addAbsence(absence) }) { state, error ->
            state.copy(absenceDraft = state.absenceDraft?.copy(error = error))
        }
    }

    private fun savePermanence() {
        val current = mutableState.value
        val draft = current.permanenceDraft ?: return
        if (current.saving || !draft.canSave) return
        val specialty = draft.specialty ?: return
        val start = parseTime(draft.start)
        val end = parseTime(draft.end)
        if (start == null || end == null) {
            mutableState.update { it.copy(permanenceDraft = draft.copy(invalidTime = true)) }
            return
        }
        val permanence = Permanence(specialty = specialty, day = coreDay(draft.day), startMinute = start, endMinute = end)
        declare(call = { directory.addPermanence(permanence) }) { state, error ->
            state.copy(permanenceDraft = state.permanenceDraft?.copy(error = error))
        }
    }

    /** Once per tap; the dialog closes on the core's new availability, or keeps its refusal. */
    private fun declare(
        call: suspend () -> Outcome<Availability, DirectoryError>,
        refused: (AvailabilityState, DirectoryError) -> AvailabilityState,
    ) {
        mutableState.update { it.copy(saving = true, error = null) }
        scope.launch {
            when (val done = call()) {
                is Outcome.Success -> mutableState.update {
                    it.copy(saving = false, availability = done.value, absenceDraft = null, permanenceDraft = null)
                }
                // The dialog closed meanwhile: the refusal is said over the screen.
                is Outcome.Failure -> mutableState.update {
                    val open = it.absenceDraft != null || it.permanenceDraft != null
                    if (open) refused(it.copy(saving = false), done.error) else it.copy(saving = false, error = done.error)
                }
            }
        }
    }

    /**
     * A withdrawal, once per tap: the core's new availability, or its refusal as a dialog. An entry
     * the core no longer has (withdrawn from another device) means the list was stale: it is read
     * again.
     */
    private fun withdraw(call: suspend () -> Outcome<Availability, DirectoryError>) {
        val current = mutableState.value
        if (current.saving || current.availability == null) return
        mutableState.update { it.copy(saving = true, error = null) }
        scope.launch {
            when (val done = call()) {
                is Outcome.Success -> mutableState.update { it.copy(saving = false, availability = done.value) }
                is Outcome.Failure -> {
                    if (done.error == DirectoryError.InvalidAvailability(AvailabilityProblem.NO_SUCH_ENTRY)) {
                        (directory.myAvailability() as? Outcome.Success)?.let { read -> mutableState.update { it.copy(availability = read.value) } }
                    }
                    mutableState.update { it.copy(saving = false, error = done.error) }
                }
            }
        }
    }
}
