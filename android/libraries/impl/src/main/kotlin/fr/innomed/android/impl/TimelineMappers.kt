package fr.innomed.android.impl

import fr.innomed.android.api.EventId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.conversation.MessageContent
import fr.innomed.android.api.conversation.RejectedEvent
import fr.innomed.android.api.conversation.RejectionReason
import fr.innomed.android.api.conversation.SendState
import fr.innomed.android.api.conversation.TimelineEntry
import fr.innomed.android.api.conversation.UnreadableReason
import fr.innomed.core.CaseMessage
import fr.innomed.core.MessageKind
import fr.innomed.core.Rejection
import fr.innomed.core.ConversationItem
import fr.innomed.core.SendState as SdkSendState

/** Null for items the screens do not draw (the start-of-case marker). */
internal fun ConversationItem.toEntry(): TimelineEntry? = when (this) {
    is ConversationItem.Message -> message.toEntry()
    is ConversationItem.DayDivider -> TimelineEntry.DayDivider(timestampMs.toLong())
    ConversationItem.ReadMarker -> TimelineEntry.ReadMarker
    ConversationItem.Start -> null
}

internal fun CaseMessage.toEntry() = TimelineEntry.Message(
    eventId = eventId?.let(::EventId),
    transactionId = transactionId,
    sender = UserId(sender),
    isOwn = isOwn,
    timestampMillis = timestampMs.toLong(),
    content = kind.toContent(),
    inReplyTo = inReplyTo?.let(::EventId),
    edited = edited,
    sharedBy = sharedBy?.let(::UserId),
    sendState = sendState.toApi(),
    readBy = readBy.map(::UserId),
    trust = trust.toApi(),
)

internal fun MessageKind.toContent(): MessageContent = when (this) {
    is MessageKind.Text -> MessageContent.Text(body)
    is MessageKind.Photo -> MessageContent.Photo(
        caption = photo.caption,
        width = photo.width?.toInt(),
        height = photo.height?.toInt(),
        blurhash = photo.blurhash,
        hasThumbnail = photo.hasThumbnail,
    )
    is MessageKind.Header -> MessageContent.Header(header.toApi())
    is MessageKind.AdviceCard -> MessageContent.AdviceCard(advice.toApi())
    is MessageKind.Closure -> MessageContent.Closure(outcome)
    is MessageKind.Membership -> MessageContent.MembershipChange(UserId(userId), change)
    is MessageKind.UnableToDecrypt -> MessageContent.Unreadable(UnreadableReason.valueOf(reason.name))
    MessageKind.Untrusted -> MessageContent.Untrusted
    // Only the kind of event and the reason cross: the rejected content is never shown.
    is MessageKind.Rejected -> MessageContent.Rejected(rejectedEvent(eventType), reason.toApi())
    MessageKind.Redacted -> MessageContent.Redacted
    is MessageKind.Other -> MessageContent.Unsupported
}

/** The case events the core judges (`fr.innomed.case.*`, the wire types of `core/src/cases/events.rs`). */
internal fun rejectedEvent(eventType: String): RejectedEvent = when (eventType) {
    "fr.innomed.case.header" -> RejectedEvent.HEADER
    "fr.innomed.case.advice" -> RejectedEvent.ADVICE
    "fr.innomed.case.closure" -> RejectedEvent.CLOSURE
    else -> RejectedEvent.OTHER
}

internal fun Rejection.toApi(): RejectionReason = when (this) {
    Rejection.NOT_FROM_CREATOR -> RejectionReason.NOT_FROM_CREATOR
    Rejection.NOT_FROM_TAKER -> RejectionReason.NOT_FROM_TAKER
    Rejection.HEADER_ALREADY_GIVEN -> RejectionReason.HEADER_ALREADY_GIVEN
    Rejection.MALFORMED -> RejectionReason.MALFORMED
}

internal fun SdkSendState.toApi(): SendState = when (this) {
    SdkSendState.Sending -> SendState.Sending
    SdkSendState.Sent -> SendState.Sent
    is SdkSendState.Failed -> SendState.Failed(recoverable)
    is SdkSendState.BlockedByIdentityChange -> SendState.BlockedByIdentityChange(users.map(::UserId))
}
