package fr.innomed.android.features.careteam

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.api.requests.RequestError

/**
 * A new care team: the case's header, as a request's, and the professionals of the CPTS's
 * directory picked to follow the patient together.
 */
data class CareTeamState(
    /** The fixed list, for the members' specialties. */
    val specialties: List<Specialty> = emptyList(),
    /** Initials or a pseudonym, never the patient's name. */
    val patientLabel: String = "",
    val ageBand: AgeBand? = null,
    val sex: Sex = Sex.UNKNOWN,
    val reason: String = "",
    val question: String = "",
    val photoConsent: Boolean = false,
    /** Part of a name, to find professionals in the directory. */
    val query: String = "",
    /** The directory as the core lists it for [query], in French order, without the doctor. */
    val results: List<MemberEntry> = emptyList(),
    val searching: Boolean = false,
    val searchError: DirectoryError? = null,
    /** The professionals picked, in the order they were picked. */
    val members: List<MemberEntry> = emptyList(),
    val submitting: Boolean = false,
    /** The core's refusal of the care team; what was typed and picked stays. */
    val error: RequestError? = null,
    /** The care team is open. */
    val openedRoom: RoomId? = null,
    /** Set once the care team is open: the view opens that case. */
    val created: RoomId? = null,
) {
    /** Empty fields wait (a label, an age band, a question, a member); the rest is the core's to check. */
    val canSubmit: Boolean
        get() = !submitting && openedRoom == null && patientLabel.isNotBlank() && ageBand != null &&
            question.isNotBlank() && members.isNotEmpty()

    fun isPicked(entry: MemberEntry): Boolean = members.any { it.userId == entry.userId }
}

sealed interface CareTeamEvent {
    data class PatientLabelChanged(val value: String) : CareTeamEvent

    data class AgeBandSelected(val ageBand: AgeBand) : CareTeamEvent

    data class SexSelected(val sex: Sex) : CareTeamEvent

    data class ReasonChanged(val value: String) : CareTeamEvent

    data class QuestionChanged(val value: String) : CareTeamEvent

    data class PhotoConsentChanged(val given: Boolean) : CareTeamEvent

    data class QueryChanged(val text: String) : CareTeamEvent

    /** Picks [entry] for the team, or takes them off it. */
    data class MemberToggled(val entry: MemberEntry) : CareTeamEvent

    data object RetrySearch : CareTeamEvent

    data object Submit : CareTeamEvent

    data object DismissError : CareTeamEvent

    /** The view opened [CareTeamState.created]. */
    data object CareTeamOpened : CareTeamEvent
}
