package fr.innomed.android.features.careteam

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.requests.RequestService
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
 * The coordinator opens a care team: a shared case for a patient followed by several
 * professionals of the CPTS. The header is a request's (patient label, age band, sex, reason,
 * question, consent to photos); the members are picked from the directory as the core searches
 * it (typing waits [typingPauseMillis]). Empty fields keep the button off; everything else (the
 * header's rules, who may be in it) is the core's answer, shown with what was typed kept.
 *
 * @param me the signed-in doctor, who opens the team and is not offered as a member of it.
 */
class CareTeamPresenter(
    private val scope: CoroutineScope,
    private val requests: RequestService,
    private val directory: DirectoryService,
    private val me: UserId,
    private val typingPauseMillis: Long = 300,
) : Presenter<CareTeamState, CareTeamEvent> {
    private val mutableState = MutableStateFlow(CareTeamState(specialties = directory.specialties()))
    override val state: StateFlow<CareTeamState> = mutableState.asStateFlow()
    private var search: Job? = null
    private val collator = Collator.getInstance(Locale.FRENCH)

    init {
        search(pause = 0)
    }

    override fun onEvent(event: CareTeamEvent) {
        when (event) {
            is CareTeamEvent.PatientLabelChanged -> edit { it.copy(patientLabel = event.value) }
            is CareTeamEvent.AgeBandSelected -> edit { it.copy(ageBand = event.ageBand) }
            is CareTeamEvent.SexSelected -> edit { it.copy(sex = event.sex) }
            is CareTeamEvent.ReasonChanged -> edit { it.copy(reason = event.value) }
            is CareTeamEvent.QuestionChanged -> edit { it.copy(question = event.value) }
            is CareTeamEvent.PhotoConsentChanged -> edit { it.copy(photoConsent = event.given) }
            is CareTeamEvent.MemberToggled -> edit { state ->
                val members = if (state.isPicked(event.entry)) {
                    state.members.filterNot { it.userId == event.entry.userId }
                } else {
                    state.members + event.entry
                }
                state.copy(members = members)
            }
            is CareTeamEvent.QueryChanged -> {
                mutableState.update { it.copy(query = event.text) }
                search(pause = typingPauseMillis)
            }
            CareTeamEvent.RetrySearch -> search(pause = 0)
            CareTeamEvent.Submit -> submit()
            CareTeamEvent.DismissError -> mutableState.update { it.copy(error = null) }
            CareTeamEvent.CareTeamOpened -> mutableState.update { it.copy(created = null) }
        }
    }

    /** Once the team is open, the form is done; any change clears the last refusal. */
    private fun edit(change: (CareTeamState) -> CareTeamState) = mutableState.update {
        if (it.openedRoom != null || it.submitting) it else change(it).copy(error = null)
    }

    private fun search(pause: Long) {
        search?.cancel()
        val query = mutableState.value.query.trim().takeIf { it.isNotEmpty() }
        mutableState.update { it.copy(searching = true, searchError = null) }
        search = scope.launch {
            if (pause > 0) delay(pause)
            val found = directory.search(null, query)
            mutableState.update { state ->
                when (found) {
                    is Outcome.Success -> state.copy(
                        searching = false,
                        results = found.value.filterNot { it.userId == me }.sortedWith(compareBy(collator) { it.displayName }),
                    )
                    is Outcome.Failure -> state.copy(searching = false, searchError = found.error)
                }
            }
        }
    }

    private fun submit() {
        val current = mutableState.value
        if (!current.canSubmit) return
        val ageBand = current.ageBand ?: return
        val header = CaseHeader.fromForm(current.patientLabel, ageBand, current.sex, current.reason, current.question, current.photoConsent)
        val members = current.members.map { it.userId }
        mutableState.update { it.copy(submitting = true, error = null) }
        scope.launch {
            val result = requests.openCareTeam(header, members)
            mutableState.update {
                when (result) {
                    is Outcome.Success -> it.copy(submitting = false, openedRoom = result.value, created = result.value)
                    is Outcome.Failure -> it.copy(submitting = false, error = result.error)
                }
            }
        }
    }
}
