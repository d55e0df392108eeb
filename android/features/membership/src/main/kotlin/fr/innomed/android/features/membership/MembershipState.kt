package fr.innomed.android.features.membership

import fr.innomed.android.api.UserId
import fr.innomed.android.api.cpts.CptsInfo
import fr.innomed.android.api.cpts.JoinRequest
import fr.innomed.android.api.cpts.JoinRequestError
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.Specialty

/**
 * The CPTS screen: the CPTS that accepted the doctor, to join, and the forms to create one or ask
 * to join one (shown when the core says the doctor is in none); otherwise the doctor's CPTS, and
 * its join requests with the answers when the core says the doctor coordinates it.
 */
data class MembershipState(
    val specialties: List<Specialty> = emptyList(),
    val loading: Boolean = true,
    /** The core said the doctor is in no CPTS: the forms to create one or ask to join one show. */
    val inNoCpts: Boolean = false,
    /** The doctor's CPTS, as the core gives it. */
    val cpts: CptsInfo? = null,
    /** The core says the doctor coordinates [cpts]: its join requests show. */
    val coordinator: Boolean = false,
    /** The CPTS that accepted the doctor (their invitation, not joined yet), while they are in none. */
    val invitations: List<CptsInfo> = emptyList(),
    /** The space id of the invitation being accepted. */
    val accepting: String? = null,
    /** The name of the CPTS the doctor creates, as typed. */
    val cptsName: String = "",
    val creating: Boolean = false,
    /** The CPTS the doctor created (they coordinate it): its id is what they give the others. */
    val created: CptsInfo? = null,
    val createError: JoinRequestError? = null,
    val spaceId: String = "",
    val asking: Boolean = false,
    /** The request went out; the coordinator's approval arrives as the CPTS's invitation. */
    val asked: Boolean = false,
    val askError: JoinRequestError? = null,
    /** Who asked to join the doctor's CPTS, as the core lists them. */
    val requests: List<JoinRequest> = emptyList(),
    /** The request being approved, with the specialties chosen for it. */
    val approval: Approval? = null,
    /** Requests with an answer on its way. */
    val answering: Set<UserId> = emptySet(),
    /** The entry the last approval wrote in the directory. */
    val approved: MemberEntry? = null,
    /** Listing, accepting an invitation, approving or refusing failed. */
    val error: JoinRequestError? = null,
) {
    val canAsk: Boolean get() = !asking && spaceId.isNotBlank()

    val canCreate: Boolean get() = !creating && created == null && cptsName.isNotBlank()

    /** One invitation accepted at a time. */
    val canAccept: Boolean get() = accepting == null
}

data class Approval(
    val request: JoinRequest,
    val specialties: Set<String> = emptySet(),
    val retired: Boolean = false,
)

sealed interface MembershipEvent {
    data object Refresh : MembershipEvent

    data class SpaceIdChanged(val value: String) : MembershipEvent

    data object AskToJoin : MembershipEvent

    /** Joins the CPTS of [invitation]: it becomes the doctor's CPTS. */
    data class Accept(val invitation: CptsInfo) : MembershipEvent

    data class CptsNameChanged(val value: String) : MembershipEvent

    /** Creates the CPTS named [MembershipState.cptsName]; the doctor becomes its coordinator. */
    data object CreateCpts : MembershipEvent

    /** Opens the approval of [request]: the specialties it serves on duty are chosen next. */
    data class StartApproval(val request: JoinRequest) : MembershipEvent

    data class ToggleSpecialty(val code: String) : MembershipEvent

    data class RetiredChanged(val retired: Boolean) : MembershipEvent

    data object ConfirmApproval : MembershipEvent

    data object CancelApproval : MembershipEvent

    data class Refuse(val request: JoinRequest) : MembershipEvent

    data object DismissError : MembershipEvent
}
