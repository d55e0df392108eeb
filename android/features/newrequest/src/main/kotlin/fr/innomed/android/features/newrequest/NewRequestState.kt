package fr.innomed.android.features.newrequest

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.api.requests.RequestError
import java.io.File

/** [CALL_BACK]: the core refused the number to call back as not a valid phone number. */
enum class RequestField { SPECIALTY, PATIENT_LABEL, AGE_BAND, REASON, QUESTION, CONSENT, PHOTO_CONSENT, CALL_BACK }

/** Who can answer now, for the chosen specialty. */
sealed interface OnDuty {
    data object Unknown : OnDuty

    data object Checking : OnDuty

    data class Available(val specialists: List<MemberEntry>) : OnDuty

    /** Nobody on duty: the view offers the directory's specialists of that specialty to pick one. */
    data class Nobody(val directory: List<MemberEntry>) : OnDuty
}

data class NewRequestState(
    /** The fixed list, from the API. */
    val specialties: List<Specialty> = emptyList(),
    val specialty: String? = null,
    val urgency: Urgency = Urgency.ROUTINE,
    /** Initials or a pseudonym, never the patient's name. */
    val patientLabel: String = "",
    val ageBand: AgeBand? = null,
    val sex: Sex = Sex.UNKNOWN,
    val reason: String = "",
    val question: String = "",
    val photoConsent: Boolean = false,
    /**
     * The GP's professional number to be called back on, as typed (optional; blank: none). Only
     * the specialist who takes the request reads it; the core checks it when the request is sent.
     */
    val callBack: String = "",
    /** The patient agreed to the télé-expertise: required before anything is sent. */
    val consent: Boolean = false,
    val onDuty: OnDuty = OnDuty.Unknown,
    /** A specialist picked from the directory instead of whoever is on duty. */
    val expert: MemberEntry? = null,
    val invalidFields: Set<RequestField> = emptySet(),
    /**
     * A camera photo (app-private file) sent with the request; it needs the patient's consent to
     * photos. The file is discarded once the request is sent or the photo refused, or with the form.
     */
    val photo: File? = null,
    val submitting: Boolean = false,
    /** [RequestError.PhotoRefused]: nothing was sent, and the photo was dropped. */
    val error: RequestError? = null,
    /** The request is open, its photo with it. */
    val openedRoom: RoomId? = null,
    /** Set once the request is open: the view opens that case. */
    val created: RoomId? = null,
) {
    /** The send button waits for the patient's consent; one request per form. */
    val canSubmit: Boolean get() = consent && !submitting && openedRoom == null

    /** The camera button, until the request is sent. */
    val canTakePhoto: Boolean get() = !submitting && openedRoom == null
}

sealed interface NewRequestEvent {
    data class SpecialtySelected(val code: String) : NewRequestEvent

    data class UrgencySelected(val urgency: Urgency) : NewRequestEvent

    data class PatientLabelChanged(val value: String) : NewRequestEvent

    data class AgeBandSelected(val ageBand: AgeBand) : NewRequestEvent

    data class SexSelected(val sex: Sex) : NewRequestEvent

    data class ReasonChanged(val value: String) : NewRequestEvent

    data class QuestionChanged(val value: String) : NewRequestEvent

    data class PhotoConsentChanged(val given: Boolean) : NewRequestEvent

    data class ConsentChanged(val given: Boolean) : NewRequestEvent

    data class CallBackChanged(val value: String) : NewRequestEvent

    data class ExpertPicked(val specialist: MemberEntry) : NewRequestEvent

    /** The camera saved [file] in the app's private storage; it replaces an earlier photo. */
    data class PhotoTaken(val file: File) : NewRequestEvent

    data object PhotoRemoved : NewRequestEvent

    data object ExpertCleared : NewRequestEvent

    data object Submit : NewRequestEvent

    data object DismissError : NewRequestEvent

    /** The view opened [NewRequestState.created]. */
    data object RequestOpened : NewRequestEvent
}
