package fr.innomed.android.api.requests

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.HeaderProblem
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.directory.MemberEntry
import java.io.File

/** Télé-expertise through the doctor's CPTS: ask, take, advise, close with a report; and its care teams. */
interface RequestService {
    /** Routes a request to the specialists on duty, or to the one picked in [TeleExpertiseRequest.expert]. */
    suspend fun open(request: TeleExpertiseRequest): Outcome<RoomId, RequestError>

    /** A specialist takes a request they were invited to; the first acceptance wins. */
    suspend fun take(roomId: RoomId): Outcome<Unit, RequestError>

    /** The specialist who took the request answers; the case becomes answered. */
    suspend fun sendAdvice(roomId: RoomId, advice: Advice): Outcome<Unit, RequestError>

    /** The requesting GP closes an answered request; the report stays on this device. */
    suspend fun closeWithReport(roomId: RoomId, outcome: String): Outcome<ClosedCase, RequestError>

    /**
     * Opens a care team: a case for a patient followed by several professionals of the CPTS's
     * directory ([members], invited), whose only admin is the doctor opening it (the CPTS's
     * coordinator, who runs its care teams). Refused: [RequestError.InvalidRequest] with
     * [RequestProblem.NO_CARE_TEAM_MEMBERS], [RequestError.NotInDirectory], a header field
     * ([RequestError.InvalidHeader]), a member who cannot be invited yet ([RequestError.NotCrossSigned]).
     */
    suspend fun openCareTeam(header: CaseHeader, members: List<UserId>): Outcome<RoomId, RequestError>

    /** On the requesting GP's device: the next step of this request's routing; null elsewhere, or when none was planned. */
    suspend fun nextStep(roomId: RoomId): Outcome<NextStep?, RequestError>

    /** How long a request of each urgency waits for a taker in the doctor's CPTS. */
    suspend fun routingWindows(): Outcome<RoutingWindows, RequestError>

    /**
     * Sets the windows (coordinator only: [RequestError.NotAllowed] for anyone else). The core
     * refuses a window under 5 s or not shorter than its urgency's deadline:
     * [RequestError.InvalidRequest] with [RequestProblem.ROUTING_WINDOW].
     */
    suspend fun setRoutingWindows(windows: RoutingWindows): Outcome<Unit, RequestError>

    /** The requests nobody took within their window, newest first (the coordinator's alerts). */
    suspend fun unansweredRequests(): Outcome<List<UnansweredRequest>, RequestError>

    /**
     * The number the requesting GP asked to be called back on, for the specialist who took the
     * request; null when none was asked (or it cannot be read yet).
     */
    suspend fun callBack(roomId: RoomId): Outcome<CallBack?, RequestError>

    /** Records in the case that this doctor placed a call (who and when; nothing of what was said). */
    suspend fun recordCall(roomId: RoomId): Outcome<Unit, RequestError>
}

/** What a GP fills in to ask a specialist of a CPTS (its photos go with it). */
data class TeleExpertiseRequest(
    val specialty: String,
    val urgency: Urgency,
    val header: CaseHeader,
    /** The patient agreed to the télé-expertise; required. */
    val patientConsent: Boolean,
    /** A specialist picked from the directory instead of whoever is on duty. */
    val expert: UserId?,
    /**
     * Camera photos (app-private files) sent with the request: read and sanitised by the core
     * when it opens, seen by the specialist who takes it, never by the others it is routed to.
     * The caller may delete the files once [RequestService.open] returns.
     */
    val photos: List<File> = emptyList(),
    /**
     * The GP's professional number as typed, to be called back on (null: no call back asked). The
     * core checks it against the numbering plan ([RequestProblem.INVALID_PHONE]) before anything
     * is sent; only the specialist who takes the request reads it.
     */
    val callBack: String? = null,
)

/** A number to call back, as the core checked it: [phone] to dial (`+33612345678`), [display] to read (`06 12 34 56 78`). */
data class CallBack(val phone: String, val display: String)

enum class InPerson { NOT_NEEDED, ROUTINE, WITHIN_48H, URGENT }

/** The specialist's structured answer. */
data class Advice(
    val assessment: String,
    val recommendation: String,
    val inPerson: InPerson,
)

/** A request closed with its report: where the report was written in the app's private storage (never uploaded). */
data class ClosedCase(val pdfPath: String, val jsonPath: String)

sealed interface RequestError {
    /** Nobody on duty now: the directory's specialists of that specialty, to pick one. */
    data class NoOneOnDuty(val specialty: String, val directory: List<MemberEntry>) : RequestError

    /** The doctor is in no CPTS (or has not joined it yet). */
    data object NoCpts : RequestError

    data object ConsentMissing : RequestError

    /** A photo goes with the request but the header does not record the patient's consent to photos (the core's rule). */
    data object PhotoConsentMissing : RequestError

    /** A photo of the request was refused (too large, unsupported, damaged, unreadable): nothing was sent. */
    data object PhotoRefused : RequestError

    data class UnknownSpecialty(val code: String) : RequestError

    /** The core refused the request, and why (no clinical text). */
    data class InvalidRequest(val problem: RequestProblem) : RequestError

    /** The picked specialist is not in the directory, or not of that specialty. */
    data object ExpertNotEligible : RequestError

    /** Another specialist took it first. */
    data object AlreadyTaken : RequestError

    data object NotAllowed : RequestError

    /** Not possible in the case's current status (closing before the advice…). */
    data object WrongStatus : RequestError

    data object NoAdvice : RequestError

    data object NotARequest : RequestError

    /** A header field the core refused (no patient label, no question, too long). */
    data class InvalidHeader(val problem: HeaderProblem) : RequestError

    /** Someone picked for a care team is not in the CPTS's directory (any more). */
    data object NotInDirectory : RequestError

    /** Someone picked has no cross-signed identity yet (never signed in to Innomed): they cannot be invited. */
    data object NotCrossSigned : RequestError

    /** A request nobody may write into yet (an advice before the hand-over to its taker). */
    data object NotHandedOver : RequestError

    /** Someone nobody of the case invited is a member: nothing is sent until the case's opener removes them. */
    data object UninvitedMember : RequestError

    /** A member is neither verified by this doctor nor attested by their CPTS: nothing is sent until the doctor confirms or removes them. */
    data object UnconfirmedMember : RequestError

    data object HomeserverUnreachable : RequestError

    data class Other(val code: String) : RequestError
}

/** What is missing or wrong in what was filled in (the patient's consent is [RequestError.ConsentMissing]). */
enum class RequestProblem {
    NO_PATIENT_CONSENT,
    EXPERT_IS_SELF,
    INCOMPLETE_ADVICE,
    ADVICE_TOO_LONG,
    NO_CARE_TEAM_MEMBERS,
    NO_MEMBER_NAME,
    NO_SPECIALTY,
    NO_CPTS_NAME,

    /** A routing window under 5 seconds, or not shorter than its urgency's deadline (24 h, 48 h, 7 days). */
    ROUTING_WINDOW,

    /** The number to call back is not a valid phone number. */
    INVALID_PHONE,
}
