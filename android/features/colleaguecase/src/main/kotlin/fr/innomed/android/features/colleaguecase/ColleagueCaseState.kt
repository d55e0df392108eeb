package fr.innomed.android.features.colleaguecase

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency

/** A colleague the case was opened for but who could not be invited, and the core's reason. */
data class RefusedInvitation(val colleague: UserId, val error: CaseError)

/**
 * A new case between colleagues, without a CPTS: the case's header, as a request's, and the
 * colleagues to invite, by their identifier.
 */
data class ColleagueCaseState(
    /** Initials or a pseudonym, never the patient's name. */
    val patientLabel: String = "",
    val ageBand: AgeBand? = null,
    val sex: Sex = Sex.UNKNOWN,
    val reason: String = "",
    val question: String = "",
    val photoConsent: Boolean = false,
    val urgency: Urgency = Urgency.ROUTINE,
    /** A colleague's identifier as it is being typed, before "Ajouter". */
    val colleagueInput: String = "",
    /** The colleagues to invite, in the order they were added; the core checks each identifier. */
    val colleagues: List<UserId> = emptyList(),
    val submitting: Boolean = false,
    /** The core's refusal of the case itself; nothing was opened, what was typed stays. */
    val error: CaseError? = null,
    /** The case is open (even if some invitations were refused). */
    val openedRoom: RoomId? = null,
    /** The colleagues the case is open without, each with the core's reason: the case screen invites them again. */
    val refused: List<RefusedInvitation> = emptyList(),
    /** Set when the view is to open the case: at once when everyone was invited, else once the doctor has read the refusals. */
    val created: RoomId? = null,
) {
    /** Empty fields wait (a label, an age band, a question, a colleague); the rest is the core's to check. */
    val canSubmit: Boolean
        get() = !submitting && openedRoom == null && patientLabel.isNotBlank() && ageBand != null &&
            question.isNotBlank() && colleagues.isNotEmpty()

    val canAddColleague: Boolean
        get() = openedRoom == null && !submitting && colleagueInput.isNotBlank()
}

sealed interface ColleagueCaseEvent {
    data class PatientLabelChanged(val value: String) : ColleagueCaseEvent

    data class AgeBandSelected(val ageBand: AgeBand) : ColleagueCaseEvent

    data class SexSelected(val sex: Sex) : ColleagueCaseEvent

    data class ReasonChanged(val value: String) : ColleagueCaseEvent

    data class QuestionChanged(val value: String) : ColleagueCaseEvent

    data class PhotoConsentChanged(val given: Boolean) : ColleagueCaseEvent

    data class UrgencySelected(val urgency: Urgency) : ColleagueCaseEvent

    data class ColleagueInputChanged(val value: String) : ColleagueCaseEvent

    /** Adds the typed identifier to the colleagues (once), and empties the field. */
    data object AddColleague : ColleagueCaseEvent

    data class RemoveColleague(val colleague: UserId) : ColleagueCaseEvent

    data object Submit : ColleagueCaseEvent

    data object DismissError : ColleagueCaseEvent

    /** The doctor read the refused invitations: open the case, where they can invite again. */
    data object OpenCase : ColleagueCaseEvent

    /** The view opened [ColleagueCaseState.created]. */
    data object CaseOpened : ColleagueCaseEvent
}
