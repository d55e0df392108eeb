package fr.innomed.android.features.case

import fr.innomed.android.api.EventId
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.conversation.MessageError
import fr.innomed.android.api.conversation.TimelineEntry
import fr.innomed.android.api.requests.ClosedReport
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.api.requests.RequestError

/** What the doctor may do on this case now (buttons), from role and status. */
enum class CaseAction { ACCEPT, DECLINE, TAKE, ADVISE, CLOSE_WITH_REPORT, MARK_ANSWERED, CLOSE }

enum class CaseRole {
    /** The GP who opened the case. */
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

/** The failure the screen shows, whichever service it came from. */
sealed interface CaseScreenError {
    data class Case(val error: CaseError) : CaseScreenError

    data class Message(val error: MessageError) : CaseScreenError

    data class Request(val error: RequestError) : CaseScreenError

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
    /** Who sent the header: the GP who opened the case. */
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
) {
    val canSend: Boolean get() = composerEnabled && !sending && composer.isNotBlank()
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
}
