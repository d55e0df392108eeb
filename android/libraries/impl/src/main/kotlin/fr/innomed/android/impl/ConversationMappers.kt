package fr.innomed.android.impl

import fr.innomed.android.api.EventId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.conversation.CaseMessage
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.DocumentMessage
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.PhotoMessage
import fr.innomed.android.api.conversation.RejectedEvent
import fr.innomed.android.api.conversation.Rejection
import fr.innomed.android.api.conversation.SendState
import fr.innomed.android.api.conversation.UtdReason
import fr.innomed.core.CaseMessage as SdkCaseMessage
import fr.innomed.core.ConversationItem as SdkConversationItem
import fr.innomed.core.DocumentMessage as SdkDocumentMessage
import fr.innomed.core.MessageKind as SdkMessageKind
import fr.innomed.core.Rejection as SdkRejection
import fr.innomed.core.SendState as SdkSendState

/** Null for items the screens do not draw (the start-of-case marker). */
internal fun SdkConversationItem.toApi(): ConversationItem? = when (this) {
    is SdkConversationItem.Message -> ConversationItem.Message(message.toApi())
    is SdkConversationItem.DayDivider -> ConversationItem.DayDivider(timestampMs.toLong())
    SdkConversationItem.ReadMarker -> ConversationItem.ReadMarker
    SdkConversationItem.Start -> null
}

internal fun SdkCaseMessage.toApi() = CaseMessage(
    eventId = eventId?.let(::EventId),
    transactionId = transactionId,
    sender = UserId(sender),
    isOwn = isOwn,
    timestampMillis = timestampMs.toLong(),
    kind = kind.toApi(),
    inReplyTo = inReplyTo?.let(::EventId),
    edited = edited,
    sharedBy = sharedBy?.let(::UserId),
    sendState = sendState.toApi(),
    readBy = readBy.map(::UserId),
    trust = trust.toApi(),
)

internal fun SdkMessageKind.toApi(): MessageKind = when (this) {
    is SdkMessageKind.Text -> MessageKind.Text(body)
    is SdkMessageKind.Photo -> MessageKind.Photo(
        PhotoMessage(
            caption = photo.caption,
            width = photo.width?.toInt(),
            height = photo.height?.toInt(),
            blurhash = photo.blurhash,
            hasThumbnail = photo.hasThumbnail,
        ),
    )
    is SdkMessageKind.Document -> MessageKind.Document(document.toApi())
    is SdkMessageKind.Header -> MessageKind.Header(header.toApi())
    is SdkMessageKind.AdviceCard -> MessageKind.AdviceCard(advice.toApi())
    is SdkMessageKind.Closure -> MessageKind.Closure(outcome)
    // The core keeps a call back only from the case's creator (anyone else's is Rejected).
    is SdkMessageKind.CallBack -> MessageKind.CallBackAsked(callBack.toApi())
    SdkMessageKind.Call -> MessageKind.CallPlaced
    is SdkMessageKind.Membership -> MessageKind.Membership(UserId(userId), change)
    is SdkMessageKind.UnableToDecrypt -> MessageKind.UnableToDecrypt(UtdReason.valueOf(reason.name))
    SdkMessageKind.Untrusted -> MessageKind.Untrusted
    // Only the kind of event and the reason cross: the rejected content is never shown.
    is SdkMessageKind.Rejected -> MessageKind.Rejected(rejectedEvent(eventType), reason.toApi())
    SdkMessageKind.Redacted -> MessageKind.Redacted
    is SdkMessageKind.Other -> MessageKind.Other
}

internal fun SdkDocumentMessage.toApi() = DocumentMessage(
    title = title,
    pages = pages?.toIntClamped(),
    sizeBytes = size?.toLongClamped(),
    hasThumbnail = hasThumbnail,
    isPdf = isPdf,
)

/** The case events the core judges (`fr.innomed.case.*`, the wire types of `core/src/cases/events.rs`). */
internal fun rejectedEvent(eventType: String): RejectedEvent = when (eventType) {
    "fr.innomed.case.header" -> RejectedEvent.HEADER
    "fr.innomed.case.advice" -> RejectedEvent.ADVICE
    "fr.innomed.case.closure" -> RejectedEvent.CLOSURE
    "fr.innomed.case.call_back" -> RejectedEvent.CALL_BACK
    else -> RejectedEvent.OTHER
}

internal fun SdkRejection.toApi(): Rejection = when (this) {
    SdkRejection.NOT_FROM_CREATOR -> Rejection.NOT_FROM_CREATOR
    SdkRejection.NOT_FROM_TAKER -> Rejection.NOT_FROM_TAKER
    SdkRejection.HEADER_ALREADY_GIVEN -> Rejection.HEADER_ALREADY_GIVEN
    SdkRejection.MALFORMED -> Rejection.MALFORMED
}

internal fun SdkSendState.toApi(): SendState = when (this) {
    SdkSendState.Sending -> SendState.Sending
    SdkSendState.Sent -> SendState.Sent
    is SdkSendState.Failed -> SendState.Failed(recoverable)
    is SdkSendState.BlockedByIdentityChange -> SendState.BlockedByIdentityChange(users.map(::UserId))
}
