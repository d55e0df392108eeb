package fr.innomed.android.api.cases

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.trust.TrustLevel

enum class CaseStatus { OPEN, REQUESTED, ACCEPTED, ANSWERED, CLOSED }

enum class Urgency { ROUTINE, SOON, URGENT }

enum class Membership { JOINED, INVITED, LEFT }

enum class AgeBand { INFANT, CHILD, ADOLESCENT, YOUNG_ADULT, ADULT, SENIOR, ELDERLY }

enum class Sex { FEMALE, MALE, OTHER, UNKNOWN }

/** One row of the case list. Only what the homeserver may know, plus the unread count. */
data class CaseSummary(
    val roomId: RoomId,
    /** The opaque code shown to the doctor (`IM-7K2QX9`). */
    val code: String,
    val membership: Membership,
    /** Null while invited (and the status not known yet). */
    val status: CaseStatus?,
    /** Specialty code (`dermatology`); labels come from the directory's specialty list. */
    val specialty: String?,
    val urgency: Urgency,
    val dueAtMillis: Long?,
    /** A request's deadline as the core saw it when the row was made; null between colleagues. */
    val deadline: Deadline?,
    val unread: Int,
    /** A télé-expertise request (went through a CPTS) rather than a case between colleagues. */
    val isRequest: Boolean,
    /** Who invited the doctor, for invitations. */
    val inviter: UserId?,
    /** For a request this specialist was routed to: what the GP asks, to decide on taking it. */
    val brief: RequestBrief? = null,
    /** The inviter's name as the core gives it (from a CPTS directory, else the id). */
    val inviterName: String? = null,
    /** The doctor muted this case: none of their phones rings for it. */
    val muted: Boolean = false,
    /** Put away in the archive (and nothing newer arrived since), as the core says. */
    val archived: Boolean = false,
    /** Opened by this doctor, as the core says. */
    val askedByMe: Boolean = false,
    /**
     * Something is expected of this doctor, as the core decides it: an invitation or a routed
     * request to answer, advice to give on a request taken, an answered request of theirs to
     * close, unread messages in an open case.
     */
    val waitingForMe: Boolean = false,
) {
    val isInvitation: Boolean get() = membership == Membership.INVITED
}

/**
 * What a specialist a request is routed to reads before taking it: the case's history (patient
 * label, photos, messages) comes only to the one who takes it, once it is handed over.
 */
data class RequestBrief(
    /** The GP who asked. */
    val requester: UserId,
    /** Specialty code (`dermatology`). */
    val specialty: String,
    val urgency: Urgency,
    val dueAtMillis: Long?,
    val ageBand: AgeBand,
    val sex: Sex,
    val question: String,
)

/** A case's status, specialty, urgency and due date, and who took it (room state the server can read). */
data class CaseStatusInfo(
    val status: CaseStatus,
    /** Specialty code (`dermatology`); labels come from the directory's specialty list. */
    val specialty: String?,
    val urgency: Urgency,
    val dueAtMillis: Long?,
    /** A télé-expertise request (routed through a CPTS) rather than a case between colleagues. */
    val isRequest: Boolean,
    /** The specialist who took the request. */
    val acceptedBy: UserId?,
)

/**
 * What the case screen reads of one case at once: its code, the doctor's membership, read from
 * the case itself (the list may not have caught up after an accept), and its status.
 */
data class CaseDetails(
    val roomId: RoomId,
    val code: String,
    val membership: Membership,
    /** Null while only invited: the status is in room state, readable once joined. */
    val statusInfo: CaseStatusInfo?,
    /** The doctor muted this case (on every device of theirs). */
    val muted: Boolean = false,
)

/** The clinical heart of a case; only ever sent encrypted. */
data class CaseHeader(
    /** A pseudonym or initials, never the patient's full name. */
    val patientLabel: String,
    val ageBand: AgeBand,
    val sex: Sex,
    val reason: String,
    val question: String,
    val photoConsent: Boolean,
) {
    companion object {
        /** The header as a form holds it: the typed texts trimmed, the choices as made. */
        fun fromForm(
            patientLabel: String,
            ageBand: AgeBand,
            sex: Sex,
            reason: String,
            question: String,
            photoConsent: Boolean,
        ) = CaseHeader(patientLabel.trim(), ageBand, sex, reason.trim(), question.trim(), photoConsent)
    }
}

/** A case between colleagues (no CPTS): the GP invites someone they know. */
data class NewCase(
    val header: CaseHeader,
    val specialty: String?,
    val urgency: Urgency,
)

/** Why nobody can vouch for a member of a case. */
enum class Unvouched {
    /** Joined without an invitation from a member of the case (a server administrator's doing, or a member's). */
    NOT_INVITED_BY_MEMBER,

    /** Has no cross-signing identity: their devices cannot be told apart from an impostor's. */
    NO_CROSS_SIGNING,

    /**
     * Neither verified by this doctor nor attested by their CPTS, and not confirmed by this
     * doctor in this case (or their identity changed since): nothing is sent until the doctor
     * confirms or removes them ([CaseAction.CONFIRM_MEMBER]).
     */
    NOT_CONFIRMED,
}

/** A member of a case nobody can vouch for: the case screen warns about them. */
data class UnvouchedMember(val userId: UserId, val reason: Unvouched)

/** Someone in a case, invited to it, or who left it, with the name to show. */
data class CaseMember(
    val userId: UserId,
    val membership: Membership,
    /** From the CPTS directory, else the profile, else the user id. */
    val displayName: String,
    /** Specialty codes from the directory (`dermatology`); labels come from the specialty list. */
    val specialties: List<String>,
    /** Listed in a CPTS directory this doctor belongs to. */
    val inDirectory: Boolean,
    /** This doctor's trust in their identity, as the core read it with the members (the shield beside the name). */
    val trust: TrustLevel,
)

sealed interface CaseError {
    data object NotFound : CaseError

    data object NotInvited : CaseError

    data object NotAllowed : CaseError

    data object CaseClosed : CaseError

    data object InvalidUserId : CaseError

    data object UnknownUser : CaseError

    /**
     * The colleague has no cross-signing identity yet (never signed in to Innomed): their
     * devices could not be told apart from an impostor's, so the invitation is refused.
     */
    data object NotCrossSigned : CaseError

    /** A header field the core refused (`patient_label`, `question`…). */
    data class InvalidHeader(val problem: HeaderProblem) : CaseError

    /** The specialty is not a code of the fixed list. */
    data object UnknownSpecialty : CaseError

    /** The homeserver has not confirmed the removal yet: nothing changed, try again. */
    data object RemovalNotConfirmed : CaseError

    /** A request nobody may write into yet: the requesting GP's device has not handed it over to its taker. */
    data object NotHandedOver : CaseError

    /**
     * Someone nobody of the case invited is a member (a server operator's doing): nothing is
     * encrypted into the case until the doctor who opened it removes them.
     */
    data object UninvitedMember : CaseError

    /**
     * A member is neither verified by this doctor nor attested by their CPTS: nothing is sent
     * into the case until the doctor confirms or removes them.
     */
    data object UnconfirmedMember : CaseError

    /** Only a closed case can be put in the archive. */
    data object NotClosed : CaseError

    data object HomeserverUnreachable : CaseError

    data class Other(val code: String) : CaseError
}

/** What is missing or wrong in a case header, as the core says it. */
enum class HeaderProblem { NO_PATIENT_LABEL, NO_QUESTION, PATIENT_LABEL_TOO_LONG, TEXT_TOO_LONG }
