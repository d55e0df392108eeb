package fr.innomed.android.features.case

import fr.innomed.android.api.EventId
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.RequestBrief
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.android.api.conversation.MessageError
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.conversation.TimelineEntry
import fr.innomed.android.api.requests.ClosedReport
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.api.requests.RequestError
import java.io.File

/** What the doctor may do on this case now (buttons), from role and status. */
enum class CaseAction { ACCEPT, DECLINE, TAKE, ADVISE, CLOSE_WITH_REPORT, MARK_ANSWERED, CLOSE }

enum class CaseRole {
    /** The doctor who opened the case (the GP of a request): the only one who changes its status. */
    REQUESTER,

    /** The specialist who took the request. */
    EXPERT,

    /** Invited, not joined yet. */
    INVITED,

    /** Any other member (a specialist invited to a request not taken yet, a colleague). */
    MEMBER,

    /** Not known yet (the header has not been read). */
    UNKNOWN,
}

/** Why nobody writes into a request yet (the screen says so); it ends once the case is handed over. */
enum class HandoverWait {
    /** Nobody took the request yet. */
    NOT_TAKEN,

    /** Taken: the requesting doctor's device has yet to hand the case over (seen by the taker). */
    AWAITING_REQUESTER,

    /** Taken: this doctor, who asked, hands the case over from their device (it happens by itself). */
    HANDING_OVER,
}

/** Inviting a colleague by user id (`@name:server`); open while the dialog shows. */
data class InviteDialog(
    val userId: String = "",
    /** Submitted with an empty id. */
    val missing: Boolean = false,
    val sending: Boolean = false,
    /** Malformed id, unknown user, colleague without a cross-signed identity… */
    val error: CaseError? = null,
)

/** The failure the screen shows, whichever service it came from. */
sealed interface CaseScreenError {
    data class Case(val error: CaseError) : CaseScreenError

    data class Message(val error: MessageError) : CaseScreenError

    data class Request(val error: RequestError) : CaseScreenError

    /** A photo that was not sent (refused by the core, or without the patient's consent). */
    data class Photo(val error: PhotoError) : CaseScreenError

    /** The advice needs an assessment and a recommendation. */
    data object AdviceIncomplete : CaseScreenError

    /** Closing needs an outcome for the report. */
    data object OutcomeMissing : CaseScreenError
}

data class AdviceDraft(
    val assessment: String = "",
    val recommendation: String = "",
    val inPerson: InPerson = InPerson.NOT_NEEDED,
) {
    val isComplete: Boolean get() = assessment.isNotBlank() && recommendation.isNotBlank()
}

data class CaseState(
    val roomId: RoomId,
    /** Status, specialty, deadline and who took it; null until read. */
    val details: CaseDetails? = null,
    val items: List<TimelineEntry> = emptyList(),
    /** The decrypted header, from the timeline. */
    val header: CaseHeader? = null,
    /** Who sent the header: the doctor who opened the case (the core rejects a header from anyone else). */
    val requester: UserId? = null,
    val role: CaseRole = CaseRole.UNKNOWN,
    val actions: Set<CaseAction> = emptySet(),
    val composer: String = "",
    val replyingTo: EventId? = null,
    /** The composer shows while joined and not closed. */
    val composerEnabled: Boolean = false,
    val sending: Boolean = false,
    val advice: AdviceDraft = AdviceDraft(),
    val outcome: String = "",
    /** The action running now (its button shows progress). */
    val busy: CaseAction? = null,
    val error: CaseScreenError? = null,
    /** Where the report was written after closing (app-private storage). */
    val report: ClosedReport? = null,
    /** Declined: the view leaves the case. */
    val left: Boolean = false,
    /** Thumbnails, the full-screen photo, and the photos being sent. */
    val photos: CasePhotosState = CasePhotosState(),
    /** The invite dialog, while open. */
    val invite: InviteDialog? = null,
    /** Members nobody can vouch for, as last checked (the screen warns about them). */
    val unvouched: List<UnvouchedMember> = emptyList(),
    /**
     * The brief of a request this specialist was routed to (question, specialty, urgency, age
     * band, sex; no patient label): shown until the header can be read.
     */
    val brief: RequestBrief? = null,
    /** Whether this request waits for its hand-over, as last checked; null until checked. */
    val awaitingHandover: Boolean? = null,
    /** Why nobody writes into this request yet; null when nothing waits. */
    val handover: HandoverWait? = null,
) {
    val canSend: Boolean get() = composerEnabled && !sending && composer.isNotBlank()

    /** The camera button: joined, not closed, and the header records the patient's consent to photos. */
    val canSendPhoto: Boolean get() = composerEnabled && header?.photoConsent == true

    /** Any member may invite a colleague while the case is open. */
    val canInvite: Boolean get() = composerEnabled
}

sealed interface CaseEvent {
    data class ComposerChanged(val text: String) : CaseEvent

    data class ReplyTo(val eventId: EventId) : CaseEvent

    data object CancelReply : CaseEvent

    data object Send : CaseEvent

    data class Act(val action: CaseAction) : CaseEvent

    data class AdviceChanged(val draft: AdviceDraft) : CaseEvent

    data class OutcomeChanged(val text: String) : CaseEvent

    data object DismissError : CaseEvent

    /** A photo message came into view: its thumbnail is fetched once. */
    data class ShowThumbnail(val message: TimelineEntry.Message) : CaseEvent

    /** Tapped: the full image, full screen. */
    data class OpenPhoto(val message: TimelineEntry.Message) : CaseEvent

    data object ClosePhoto : CaseEvent

    /** The camera saved [file] in the app's private storage; it is discarded once read. */
    data class SendPhoto(val file: File) : CaseEvent

    data object OpenInvite : CaseEvent

    data class InviteeChanged(val userId: String) : CaseEvent

    data object SendInvite : CaseEvent

    data object CloseInvite : CaseEvent
}
