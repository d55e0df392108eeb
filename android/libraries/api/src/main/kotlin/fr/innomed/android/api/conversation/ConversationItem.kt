package fr.innomed.android.api.conversation

import fr.innomed.android.api.EventId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.requests.Advice
import fr.innomed.android.api.requests.CallBack
import fr.innomed.android.api.trust.TrustLevel

/** One row of a case's conversation, decrypted on this device. */
sealed interface ConversationItem {
    /** The first item of a new day. */
    data class DayDivider(val timestampMillis: Long) : ConversationItem

    /** Everything below was not read yet. */
    data object ReadMarker : ConversationItem

    data class Message(val message: CaseMessage) : ConversationItem
}

/** An event of the case, decrypted on this device. */
data class CaseMessage(
    /** Null until the homeserver accepted it (a local echo). */
    val eventId: EventId?,
    /** Set for messages sent from this device (the local echo's id). */
    val transactionId: String?,
    val sender: UserId,
    val isOwn: Boolean,
    val timestampMillis: Long,
    val kind: MessageKind,
    val inReplyTo: EventId?,
    val edited: Boolean,
    /** For history shared at an invitation: the colleague who shared it. */
    val sharedBy: UserId?,
    val sendState: SendState,
    val readBy: List<UserId>,
    /**
     * The sender's identity as its decryption established it and this doctor trusts it now
     * (the shield beside the sender); [TrustLevel.NONE] for what came in clear or undecrypted.
     */
    val trust: TrustLevel,
) {
    /** Stable while a local echo becomes a sent message: the transaction id if any, else the event id. */
    val key: String? get() = transactionId ?: eventId?.value

    /** How to ask the core for this message's photo or document: by event once sent, else by transaction. */
    val ref: MessageRef?
        get() = eventId?.let { MessageRef.Event(it) } ?: transactionId?.let { MessageRef.Local(it) }
}

sealed interface MessageKind {
    /** Markdown as typed. */
    data class Text(val body: String) : MessageKind

    /** A photo; its pixels are fetched separately (thumbnail first). */
    data class Photo(val photo: PhotoMessage) : MessageKind

    /** A document (a PDF): its thumbnail is fetched like a photo's, the file saved for the viewer on demand. */
    data class Document(val document: DocumentMessage) : MessageKind

    /** The case header card (patient label, question, consent). */
    data class Header(val header: CaseHeader) : MessageKind

    /** The specialist's advice card. */
    data class AdviceCard(val advice: Advice) : MessageKind

    /** The case was closed with this outcome. */
    data class Closure(val outcome: String) : MessageKind

    /**
     * The requesting GP asks to be called back on this number (only from the doctor who opened the
     * case: the core shows anyone else's as [Rejected]).
     */
    data class CallBackAsked(val callBack: CallBack) : MessageKind

    /** The sender placed a call (who and when: the message's sender and time; nothing of what was said). */
    data object CallPlaced : MessageKind

    /** Someone joined, left, was invited or removed (`change` is the core's code). */
    data class Membership(val userId: UserId, val change: String) : MessageKind

    /** Not decryptable on this device (yet), and why. */
    data class UnableToDecrypt(val reason: UtdReason) : MessageKind

    /**
     * Nobody can vouch for it (arrived unencrypted, from a device its owner did not sign, or from
     * a member nobody of the case invited): never shown as a colleague's words.
     */
    data object Untrusted : MessageKind

    /**
     * A header, advice or closure that breaks the case's rules (sent by a member who may not
     * send it, or malformed): shown only as a flagged line, never its content.
     */
    data class Rejected(val what: RejectedEvent, val reason: Rejection) : MessageKind

    data object Redacted : MessageKind

    /** An event this app does not draw. */
    data object Other : MessageKind
}

/** What a photo message says about its image; the pixels are fetched separately. */
data class PhotoMessage(
    val caption: String?,
    val width: Int?,
    val height: Int?,
    val blurhash: String?,
    val hasThumbnail: Boolean,
)

/** Why a message cannot be read on this device; each has its own explanation. */
enum class UtdReason {
    WAITING,
    SENT_BEFORE_JOINED,
    DEVICE_NOT_VERIFIED,
    NO_BACKUP,
    SENDER_NOT_TRUSTED,
    WITHHELD,
}

/** Which case event was not taken into account (the core gives its event type, a string). */
enum class RejectedEvent {
    HEADER,
    ADVICE,
    CLOSURE,

    /** A request to be called back, from anyone but the doctor who opened the case. */
    CALL_BACK,

    /** Another case event (a type this app does not know). */
    OTHER,
}

/** Why a case event was not taken into account. */
enum class Rejection {
    /** Only the doctor who opened the case writes its header and closes it. */
    NOT_FROM_CREATOR,

    /** Only the specialist who took the request gives the advice. */
    NOT_FROM_TAKER,

    /** The case already has its header: a later one does not replace it. */
    HEADER_ALREADY_GIVEN,

    /** Its content does not follow the format (missing, unknown or oversized fields). */
    MALFORMED,
}

sealed interface SendState {
    data object Sending : SendState

    data object Sent : SendState

    data class Failed(val recoverable: Boolean) : SendState

    /** Waits until the doctor acknowledges these colleagues' new identities. */
    data class BlockedByIdentityChange(val users: List<UserId>) : SendState
}
