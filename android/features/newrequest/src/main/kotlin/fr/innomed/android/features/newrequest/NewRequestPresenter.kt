package fr.innomed.android.features.newrequest

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestProblem
import fr.innomed.android.api.requests.RequestService
import fr.innomed.android.api.requests.TeleExpertiseRequest
import fr.innomed.android.api.valueOrNull
import fr.innomed.android.architecture.Presenter
import java.io.File
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * A new télé-expertise request: specialty from the fixed list, urgency, patient label, question,
 * consent (required before submitting), an optional number to be called back on (the core refuses
 * one that is not a valid phone number: said beside the field, what was typed kept), and an
 * optional camera photo (which needs the patient's consent to photos) sent with the request:
 * nobody may write into a request before the specialist who takes it has its history, so nothing
 * follows it afterwards. Choosing a specialty checks who is on duty; when nobody is, the
 * directory's specialists are offered to pick one.
 *
 * @param discardPhoto deletes a camera file of the app's private storage: once the request is
 *   sent, when the core refuses it, when replaced or removed, and when the form goes away unsent
 *   (its scope ends).
 */
class NewRequestPresenter(
    private val scope: CoroutineScope,
    private val requests: RequestService,
    private val directory: DirectoryService,
    private val discardPhoto: (File) -> Unit,
) : Presenter<NewRequestState, NewRequestEvent> {
    private val mutableState = MutableStateFlow(NewRequestState(specialties = directory.specialties()))
    override val state: StateFlow<NewRequestState> = mutableState.asStateFlow()
    private var dutyCheck: Job? = null

    init {
        scope.coroutineContext[Job]?.invokeOnCompletion { mutableState.value.photo?.let(discardPhoto) }
    }

    override fun onEvent(event: NewRequestEvent) {
        when (event) {
            is NewRequestEvent.SpecialtySelected -> selectSpecialty(event.code)
            is NewRequestEvent.UrgencySelected -> edit(null) { it.copy(urgency = event.urgency) }
            is NewRequestEvent.PatientLabelChanged -> edit(RequestField.PATIENT_LABEL) { it.copy(patientLabel = event.value) }
            is NewRequestEvent.AgeBandSelected -> edit(RequestField.AGE_BAND) { it.copy(ageBand = event.ageBand) }
            is NewRequestEvent.SexSelected -> edit(null) { it.copy(sex = event.sex) }
            is NewRequestEvent.ReasonChanged -> edit(RequestField.REASON) { it.copy(reason = event.value) }
            is NewRequestEvent.QuestionChanged -> edit(RequestField.QUESTION) { it.copy(question = event.value) }
            is NewRequestEvent.PhotoConsentChanged -> edit(RequestField.PHOTO_CONSENT) { it.copy(photoConsent = event.given) }
            is NewRequestEvent.ConsentChanged -> edit(RequestField.CONSENT) { it.copy(consent = event.given) }
            is NewRequestEvent.CallBackChanged -> edit(RequestField.CALL_BACK) { it.copy(callBack = event.value) }
            is NewRequestEvent.ExpertPicked -> edit(null) { it.copy(expert = event.specialist) }
            NewRequestEvent.ExpertCleared -> edit(null) { it.copy(expert = null) }
            is NewRequestEvent.PhotoTaken -> attachPhoto(event.file)
            NewRequestEvent.PhotoRemoved -> attachPhoto(null)
            NewRequestEvent.Submit -> submit()
            NewRequestEvent.DismissError -> mutableState.update { it.copy(error = null) }
            NewRequestEvent.RequestOpened -> mutableState.update { it.copy(created = null) }
        }
    }

    private fun edit(field: RequestField?, change: (NewRequestState) -> NewRequestState) =
        mutableState.update { change(it).copy(invalidFields = it.invalidFields - setOfNotNull(field), error = null) }

    private fun selectSpecialty(code: String) {
        if (mutableState.value.specialties.none { it.code == code }) return
        edit(RequestField.SPECIALTY) { state ->
            // A picked specialist of another specialty no longer fits.
            val expert = state.expert?.takeIf { code in it.specialties }
            state.copy(specialty = code, expert = expert, onDuty = OnDuty.Checking)
        }
        dutyCheck?.cancel()
        dutyCheck = scope.launch {
            val onDuty = when (val found = directory.onDutyNow(code)) {
                is Outcome.Success -> if (found.value.isNotEmpty()) {
                    OnDuty.Available(found.value)
                } else {
                    OnDuty.Nobody(directory.search(code, null).valueOrNull().orEmpty())
                }
                // The request itself will say more; the form stays usable.
                is Outcome.Failure -> OnDuty.Unknown
            }
            mutableState.update { if (it.specialty == code) it.copy(onDuty = onDuty) else it }
        }
    }

    private fun attachPhoto(file: File?) {
        val current = mutableState.value
        if (!current.canTakePhoto) {
            file?.let(discardPhoto)
            return
        }
        current.photo?.takeIf { it != file }?.let(discardPhoto)
        edit(RequestField.PHOTO_CONSENT) { it.copy(photo = file) }
    }

    private fun validate(state: NewRequestState): Set<RequestField> = buildSet {
        if (state.specialty == null) add(RequestField.SPECIALTY)
        if (state.patientLabel.isBlank()) add(RequestField.PATIENT_LABEL)
        if (state.ageBand == null) add(RequestField.AGE_BAND)
        if (state.reason.isBlank()) add(RequestField.REASON)
        if (state.question.isBlank()) add(RequestField.QUESTION)
        if (!state.consent) add(RequestField.CONSENT)
        // Whether a photo may go is the core's rule: its refusal marks the field (see submit).
    }

    private fun submit() {
        val current = mutableState.value
        if (current.submitting || current.openedRoom != null) return
        val invalid = validate(current)
        val specialty = current.specialty
        val ageBand = current.ageBand
        if (invalid.isNotEmpty() || specialty == null || ageBand == null) {
            // A number the core refused stays marked until it is changed.
            mutableState.update { it.copy(invalidFields = invalid + (it.invalidFields intersect setOf(RequestField.CALL_BACK))) }
            return
        }
        val request = TeleExpertiseRequest(
            specialty = specialty,
            urgency = current.urgency,
            header = CaseHeader.fromForm(current.patientLabel, ageBand, current.sex, current.reason, current.question, current.photoConsent),
            patientConsent = true,
            expert = current.expert?.userId,
            photos = listOfNotNull(current.photo),
            // As typed: the core checks and formats it.
            callBack = current.callBack.trim().ifEmpty { null },
        )
        mutableState.update { it.copy(submitting = true, error = null) }
        scope.launch {
            val result = requests.open(request)
            val photo = current.photo
            // The core has read the photo once the request is open, or refused it for good.
            val photoDone = result is Outcome.Success || (result as? Outcome.Failure)?.error == RequestError.PhotoRefused
            if (photoDone && photo != null) discardPhoto(photo)
            mutableState.update {
                val kept = if (photoDone) it.copy(photo = null) else it
                when (result) {
                    is Outcome.Success -> kept.copy(submitting = false, openedRoom = result.value, created = result.value)
                    is Outcome.Failure -> {
                        val error = result.error
                        val onDuty = if (error is RequestError.NoOneOnDuty) OnDuty.Nobody(error.directory) else it.onDuty
                        // The core's refusal of a photo without consent points at its checkbox, of
                        // the number to call back at its field (what was typed stays).
                        when (error) {
                            RequestError.PhotoConsentMissing -> kept.copy(submitting = false, invalidFields = setOf(RequestField.PHOTO_CONSENT))
                            INVALID_PHONE -> kept.copy(submitting = false, invalidFields = setOf(RequestField.CALL_BACK))
                            else -> kept.copy(submitting = false, error = error, onDuty = onDuty)
                        }
                    }
                }
            }
        }
    }
}

private val INVALID_PHONE = RequestError.InvalidRequest(RequestProblem.INVALID_PHONE)
