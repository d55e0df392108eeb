package fr.innomed.android.features.colleaguecase

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.CaseService
import fr.innomed.android.api.cases.NewCase
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * A GP opens a case between colleagues, without a CPTS: the header (patient label, age band,
 * sex, reason, question, consent to photos, urgency) and the colleagues by their identifier.
 * "Ouvrir le dossier" creates the case, then invites each colleague in the order added. Empty
 * fields keep the button off; everything else is the core's answer: a refused case keeps the
 * form; a refused invitation keeps the case, names the colleague with the core's reason, and
 * the case opens once the doctor has read it (its screen invites again).
 */
class ColleagueCasePresenter(
    private val scope: CoroutineScope,
    private val cases: CaseService,
) : Presenter<ColleagueCaseState, ColleagueCaseEvent> {
    private val mutableState = MutableStateFlow(ColleagueCaseState())
    override val state: StateFlow<ColleagueCaseState> = mutableState.asStateFlow()

    override fun onEvent(event: ColleagueCaseEvent) {
        when (event) {
            is ColleagueCaseEvent.PatientLabelChanged -> edit { it.copy(patientLabel = event.value) }
            is ColleagueCaseEvent.AgeBandSelected -> edit { it.copy(ageBand = event.ageBand) }
            is ColleagueCaseEvent.SexSelected -> edit { it.copy(sex = event.sex) }
            is ColleagueCaseEvent.ReasonChanged -> edit { it.copy(reason = event.value) }
            is ColleagueCaseEvent.QuestionChanged -> edit { it.copy(question = event.value) }
            is ColleagueCaseEvent.PhotoConsentChanged -> edit { it.copy(photoConsent = event.given) }
            is ColleagueCaseEvent.UrgencySelected -> edit { it.copy(urgency = event.urgency) }
            is ColleagueCaseEvent.ColleagueInputChanged -> edit { it.copy(colleagueInput = event.value) }
            ColleagueCaseEvent.AddColleague -> edit { state ->
                if (!state.canAddColleague) return@edit state
                val colleague = UserId(state.colleagueInput.trim())
                val colleagues = if (colleague in state.colleagues) state.colleagues else state.colleagues + colleague
                state.copy(colleagues = colleagues, colleagueInput = "")
            }
            is ColleagueCaseEvent.RemoveColleague -> edit { it.copy(colleagues = it.colleagues - event.colleague) }
            ColleagueCaseEvent.Submit -> submit()
            ColleagueCaseEvent.DismissError -> mutableState.update { it.copy(error = null) }
            ColleagueCaseEvent.OpenCase -> mutableState.update { it.copy(created = it.openedRoom) }
            ColleagueCaseEvent.CaseOpened -> mutableState.update { it.copy(created = null) }
        }
    }

    /** Once the case is open, the form is done; any change clears the last refusal. */
    private fun edit(change: (ColleagueCaseState) -> ColleagueCaseState) = mutableState.update {
        if (it.openedRoom != null || it.submitting) it else change(it).copy(error = null)
    }

    private fun submit() {
        val current = mutableState.value
        if (!current.canSubmit) return
        val ageBand = current.ageBand ?: return
        val header = CaseHeader.fromForm(current.patientLabel, ageBand, current.sex, current.reason, current.question, current.photoConsent)
        val colleagues = current.colleagues
        mutableState.update { it.copy(submitting = true, error = null) }
        scope.launch {
            val room = when (val created = cases.create(NewCase(header, specialty = null, urgency = current.urgency))) {
                is Outcome.Success -> created.value
                is Outcome.Failure -> {
                    mutableState.update { it.copy(submitting = false, error = created.error) }
                    return@launch
                }
            }
            mutableState.update { it.copy(openedRoom = room) }
            val refused = colleagues.mapNotNull { colleague ->
                when (val invited = cases.invite(room, colleague)) {
                    is Outcome.Success -> null
                    is Outcome.Failure -> RefusedInvitation(colleague, invited.error)
                }
            }
            mutableState.update {
                it.copy(submitting = false, refused = refused, created = if (refused.isEmpty()) room else null)
            }
        }
    }
}
