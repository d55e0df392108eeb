package fr.innomed.android.features.case

import fr.innomed.android.api.EventId
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.CaseMember
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.Deadline
import fr.innomed.android.api.cases.HandoverWait
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.cases.RequestBrief
import fr.innomed.android.api.cases.Unvouched
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.android.api.conversation.CaseMessage
import fr.innomed.android.api.conversation.ConversationError
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.requests.ClosedCase
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.trust.TrustLevel
import java.io.File

/**
 * The actions run from the case screen's action bar; writing (the composer), inviting (its
 * dialog), confirming a member (the unvouched members' banner) and removing (not on this screen)
 * are not.
 */
internal val BAR_ACTIONS = setOf(
    CaseAction.ACCEPT,
    CaseAction.TAKE,
    CaseAction.DECLINE,
    CaseAction.ADVISE,
    CaseAction.MARK_ANSWERED,
    CaseAction.CLOSE,
    CaseAction.CLOSE_WITH_REPORT,
)

/** The failure the screen shows, whichever service it came from. */
sealed interface CaseScreenError {
    data class Case(val error: CaseError) : CaseScreenError

    data class Conversation(val error: ConversationError) : CaseScreenError

    data class Request(val error: RequestError) : CaseScreenError

    /** A photo that was not sent (refused by the core, or without the patient's consent). */
    data class Photo(val error: PhotoError) : CaseScreenError

    /** The advice needs an assessment and a recommendation. */
    data object AdviceIncomplete : CaseScreenError

    /** Closing needs an outcome for the report. */
    data object OutcomeMissing : CaseScreenError

    /** Acknowledging a colleague's new identity failed (nothing held was sent). */
    data class Trust(val error: TrustError) : CaseScreenError
}

/**
 * One line of the members sheet: who (with the core's trust in their identity, the shield beside
 * the name), and why nobody can vouch for them (null when someone can).
 */
data class MemberLine(val member: CaseMember, val unvouched: Unvouched?) {
    /**
     * A joined colleague whose identity this doctor has not verified (the core's trust level):
     * offered the emoji verification. The core says the doctor themself is verified.
     */
    val canVerify: Boolean get() = member.membership == Membership.JOINED && member.trust != TrustLevel.VERIFIED
}

/**
 * The shield beside a message's sender: the core's trust level for what a sender wrote and this
 * phone decrypted, or ignored as nobody's words. Null where the level says nothing about the
 * person: a membership line (the homeserver relays it in clear), a deleted message, one not
 * decrypted (yet), an event this app does not draw.
 */
val CaseMessage.shield: TrustLevel?
    get() = when (kind) {
        is MessageKind.Text, is MessageKind.Photo, is MessageKind.Document, is MessageKind.Header, is MessageKind.AdviceCard,
        is MessageKind.Closure, is MessageKind.CallBackAsked, MessageKind.CallPlaced, is MessageKind.Rejected, MessageKind.Untrusted -> trust
        is MessageKind.Membership, is MessageKind.UnableToDecrypt, MessageKind.Redacted, MessageKind.Other -> null
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
    val items: List<ConversationItem> = emptyList(),
    /** The decrypted header, from the conversation. */
    val header: CaseHeader? = null,
    /** Who sent the header: the doctor who opened the case (the core rejects a header from anyone else). */
    val requester: UserId? = null,
    /** What the core decided for this doctor on this case, as last read; null until read. */
    val allowed: CaseActions? = null,
    val composer: String = "",
    val replyingTo: EventId? = null,
    /** The doctor's own message being changed: the composer holds its new text. */
    val editing: EventId? = null,
    val sending: Boolean = false,
    val advice: AdviceDraft = AdviceDraft(),
    val outcome: String = "",
    /** The action running now (its button shows progress). */
    val busy: CaseAction? = null,
    val error: CaseScreenError? = null,
    /** Where the report was written after closing (app-private storage). */
    val report: ClosedCase? = null,
    /** The report to open or share now: the app hands it to the viewer or the share sheet. */
    val reportRequest: ReportRequest? = null,
    /** Muting or unmuting is on its way (the button waits). */
    val muting: Boolean = false,
    /** Declined: the view leaves the case. */
    val left: Boolean = false,
    /** Thumbnails (of photos and documents), the full-screen photo, and the uploads. */
    val photos: CasePhotosState = CasePhotosState(),
    /** Files picked to send, and received documents being opened. */
    val files: CaseFilesState = CaseFilesState(),
    /** The invite dialog, while open. */
    val invite: InviteDialog? = null,
    /** Members nobody can vouch for, as last checked (the screen warns about them). */
    val unvouched: List<UnvouchedMember> = emptyList(),
    /** The member being confirmed now (the banner's buttons wait meanwhile). */
    val confirming: UserId? = null,
    /** Who is in the case or invited to it (and who left), named, as last read. */
    val members: List<CaseMember> = emptyList(),
    /** The members sheet, while open. */
    val membersShown: Boolean = false,
    /** A colleague to verify with emojis: the app opens the verification screen for them. */
    val verifying: MemberToVerify? = null,
    /**
     * The brief of a request this specialist was routed to (question, specialty, urgency, age
     * band, sex; no patient label): shown until the header can be read.
     */
    val brief: RequestBrief? = null,
    val nextStep: NextStepCard? = null,
    /** On the specialist who took the request: the number the GP asked to be called back on, and the dialer to open. */
    val callBack: CaseCallBackState = CaseCallBackState(),
) {
    /**
     * The name to show for [user] (a sender, the taker, an inviter): the core's name for a member
     * of the case (CPTS directory, else profile), else the id when they are not in the list.
     */
    fun nameOf(user: UserId): String = members.firstOrNull { it.userId == user }?.displayName ?: user.value

    /** The doctor muted this case: none of their phones rings for it. */
    val muted: Boolean get() = details?.muted == true

    /** The doctor's role, as the core says; null until read. */
    val role: CaseRole? get() = allowed?.role

    /** The actions the core allows now. */
    val actions: Set<CaseAction> get() = allowed?.actions.orEmpty()

    /** The action bar's buttons, in the core's order. */
    val barActions: List<CaseAction> get() = CaseAction.entries.filter { it in actions && it in BAR_ACTIONS }

    /** Why nobody writes into this request yet, as the core says; null when nothing waits. */
    val handover: HandoverWait? get() = allowed?.handover

    /** The request's deadline, as the core says; null between colleagues. */
    val deadline: Deadline? get() = allowed?.deadline

    /** The composer shows while the core allows writing. */
    val composerEnabled: Boolean get() = CaseAction.WRITE in actions

    val canSend: Boolean get() = composerEnabled && !sending && composer.isNotBlank()

    /** The camera and attach buttons: writing is allowed, and the header records the patient's consent to photos. */
    val canSendPhoto: Boolean get() = composerEnabled && header?.photoConsent == true

    /** The invite button, while the core allows inviting. */
    val canInvite: Boolean get() = CaseAction.INVITE in actions

    /** The banner's confirm button beside each [Unvouched.NOT_CONFIRMED] member, while the core allows confirming. */
    val canConfirm: Boolean get() = CaseAction.CONFIRM_MEMBER in actions

    /**
     * The members sheet's lines: who is in the case or invited to it (not who left), each
     * flagged when they are among [unvouched].
     */
    val memberLines: List<MemberLine>
        get() = members.filter { it.membership != Membership.LEFT }.map { member ->
            MemberLine(member, unvouched.firstOrNull { it.userId == member.userId }?.reason)
        }
}

/** The closing report's PDF, to open in the phone's viewer or to [share]. */
data class ReportRequest(val pdfPath: String, val share: Boolean)

/** The colleague the verification screen opens for, named as the case names them. */
data class MemberToVerify(val userId: UserId, val name: String)

sealed interface CaseEvent {
    data class ComposerChanged(val text: String) : CaseEvent

    data class ReplyTo(val eventId: EventId) : CaseEvent

    data object CancelReply : CaseEvent

    /** A long press on one of the doctor's own texts: change it. */
    data class StartEdit(val message: CaseMessage) : CaseEvent

    data object CancelEdit : CaseEvent

    /** Mute the case on every device of the doctor, or let it ring again. */
    data class SetMuted(val muted: Boolean) : CaseEvent

    data object Send : CaseEvent

    data class Act(val action: CaseAction) : CaseEvent

    data class AdviceChanged(val draft: AdviceDraft) : CaseEvent

    data class OutcomeChanged(val text: String) : CaseEvent

    data object DismissError : CaseEvent

    /** A photo message came into view: its thumbnail is fetched once. */
    data class ShowThumbnail(val message: CaseMessage) : CaseEvent

    /** Tapped: the full image, full screen. */
    data class OpenPhoto(val message: CaseMessage) : CaseEvent

    data object ClosePhoto : CaseEvent

    /** The camera saved [file] in the app's private storage; it is discarded once read. */
    data class SendPhoto(val file: File) : CaseEvent

    data object OpenInvite : CaseEvent

    data class InviteeChanged(val userId: String) : CaseEvent

    /** A name typed in the invite dialog's directory search. */
    data class InviteSearchChanged(val query: String) : CaseEvent

    data class InviteePicked(val entry: MemberEntry) : CaseEvent

    data object SendInvite : CaseEvent

    data object CloseInvite : CaseEvent

    /** The members sheet: who is in the case, by name. */
    data object OpenMembers : CaseEvent

    data object CloseMembers : CaseEvent

    /** "Vérifier (émojis)" beside a colleague in the members sheet. */
    data class VerifyMember(val userId: UserId) : CaseEvent

    /** The app opened the verification screen for [CaseState.verifying]. */
    data object VerificationOpened : CaseEvent

    /** "Ouvrir le compte rendu" ([share] false) or "Partager" after closing. */
    data class OpenReport(val share: Boolean) : CaseEvent

    /** The app handed [CaseState.reportRequest] to the viewer or the share sheet. */
    data object ReportHandled : CaseEvent

    /** Confirms, for this case, a member neither verified by the doctor nor attested by their CPTS. */
    data class ConfirmMember(val userId: UserId) : CaseEvent

    /** "C'est vérifié, envoyer": the doctor checked these colleagues' new identities with them. */
    data class AcknowledgeIdentityChange(val users: List<UserId>) : CaseEvent
}
