package fr.innomed.android.features.case

import androidx.compose.foundation.ExperimentalFoundationApi
import androidx.compose.foundation.combinedClickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.UserId
import fr.innomed.android.api.conversation.CaseMessage
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.RejectedEvent
import fr.innomed.android.api.conversation.Rejection
import fr.innomed.android.api.conversation.SendState
import fr.innomed.android.api.conversation.UtdReason
import fr.innomed.android.ui.R
import fr.innomed.android.ui.TrustShield
import fr.innomed.android.ui.label
import java.text.DateFormat
import java.util.Date

/**
 * One conversation item; a tap on a sent message replies to it (a tap on a photo or a PDF opens it), a
 * long press on one of the doctor's own texts changes it. The sender's shield shows where the
 * core's trust level says something about them ([shield]); under the doctor's own messages, who
 * read up to there.
 */
@Composable
fun ConversationItemView(
    item: ConversationItem,
    photos: CasePhotosState,
    files: CaseFilesState,
    nameOf: (UserId) -> String,
    onEvent: (CaseEvent) -> Unit,
) {
    when (item) {
        is ConversationItem.DayDivider ->
            Text(DateFormat.getDateInstance(DateFormat.FULL).format(Date(item.timestampMillis)), style = MaterialTheme.typography.labelMedium)
        ConversationItem.ReadMarker -> HorizontalDivider()
        is ConversationItem.Message -> MessageView(item.message, photos, files, nameOf, onEvent)
    }
}

@OptIn(ExperimentalFoundationApi::class)
@Composable
private fun MessageView(
    message: CaseMessage,
    photos: CasePhotosState,
    files: CaseFilesState,
    nameOf: (UserId) -> String,
    onEvent: (CaseEvent) -> Unit,
) {
    val colors = if (message.isOwn) CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.primaryContainer) else CardDefaults.cardColors()
    val eventId = message.eventId
    Card(
        colors = colors,
        modifier = Modifier.fillMaxWidth().combinedClickable(
            enabled = eventId != null,
            onLongClick = if (message.editable) ({ onEvent(CaseEvent.StartEdit(message)) }) else null,
        ) { eventId?.let { onEvent(CaseEvent.ReplyTo(it)) } },
    ) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(6.dp), itemVerticalAlignment = Alignment.CenterVertically) {
                Text(nameOf(message.sender), style = MaterialTheme.typography.labelSmall)
                message.shield?.let { TrustShield(it) }
            }
            message.sharedBy?.let { Text(stringResource(R.string.timeline_shared_by, nameOf(it)), style = MaterialTheme.typography.labelSmall) }
            if (message.inReplyTo != null) Text(stringResource(R.string.timeline_reply), style = MaterialTheme.typography.labelSmall)
            when (val kind = message.kind) {
                is MessageKind.Photo -> PhotoMessageView(message, kind.photo, photos, onEvent)
                is MessageKind.Document -> DocumentMessageView(message, kind.document, photos, files, onEvent)
                else -> KindView(kind, message.sender, nameOf)
            }
            if (message.edited) Text(stringResource(R.string.timeline_edited), style = MaterialTheme.typography.labelSmall)
            val readers = message.readBy.filter { it != message.sender }
            if (message.isOwn && readers.isNotEmpty()) {
                Text(stringResource(R.string.timeline_read_by, readers.joinToString { nameOf(it) }), style = MaterialTheme.typography.labelSmall)
            }
            when (val send = message.sendState) {
                SendState.Sending -> Text(stringResource(R.string.timeline_sending), style = MaterialTheme.typography.labelSmall)
                is SendState.Failed -> Text(stringResource(R.string.timeline_send_failed), color = MaterialTheme.colorScheme.error)
                is SendState.BlockedByIdentityChange -> {
                    Text(stringResource(R.string.timeline_identity_changed, send.users.joinToString { nameOf(it) }), color = MaterialTheme.colorScheme.error)
                    // The way out: check with the colleague, then send what waits.
                    TextButton(onClick = { onEvent(CaseEvent.AcknowledgeIdentityChange(send.users)) }) {
                        Text(stringResource(R.string.timeline_identity_changed_send))
                    }
                }
                SendState.Sent -> Unit
            }
        }
    }
}

@Composable
private fun KindView(kind: MessageKind, sender: UserId, nameOf: (UserId) -> String) {
    when (kind) {
        is MessageKind.Text -> Text(kind.body)
        // Drawn with their thumbnails by PhotoMessageView and DocumentMessageView.
        is MessageKind.Photo, is MessageKind.Document -> Unit
        is MessageKind.Header -> {
            val header = kind.header
            Text(stringResource(R.string.header_card_title), style = MaterialTheme.typography.titleSmall)
            Text("${header.patientLabel} · ${stringResource(header.ageBand.label())} · ${stringResource(header.sex.label())}")
            Text(stringResource(R.string.header_reason, header.reason))
            Text(stringResource(R.string.header_question, header.question))
            Text(stringResource(if (header.photoConsent) R.string.header_photo_consent_yes else R.string.header_photo_consent_no))
        }
        is MessageKind.AdviceCard -> {
            val advice = kind.advice
            Text(stringResource(R.string.advice_card_title), style = MaterialTheme.typography.titleSmall)
            Text(stringResource(R.string.advice_card_assessment, advice.assessment))
            Text(stringResource(R.string.advice_card_recommendation, advice.recommendation))
            Text(stringResource(advice.inPerson.label()))
        }
        is MessageKind.Closure -> Text(stringResource(R.string.timeline_closed, kind.outcome))
        is MessageKind.CallBackAsked -> Text(stringResource(R.string.timeline_call_back, kind.callBack.display))
        // Who called and when: the message's sender and time; nothing of what was said.
        MessageKind.CallPlaced -> Text(stringResource(R.string.timeline_called, nameOf(sender)), style = MaterialTheme.typography.bodySmall)
        is MessageKind.Membership -> Text(stringResource(membershipChange(kind.change), nameOf(kind.userId)), style = MaterialTheme.typography.bodySmall)
        is MessageKind.UnableToDecrypt -> Text(stringResource(unreadable(kind.reason)), style = MaterialTheme.typography.bodySmall)
        MessageKind.Untrusted -> Text(stringResource(R.string.timeline_untrusted), color = MaterialTheme.colorScheme.error)
        // Only that it was not taken into account, and why: never what it says.
        is MessageKind.Rejected -> {
            Text(stringResource(rejectedTitle(kind.what)), color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.titleSmall)
            Text(stringResource(rejectedReason(kind.reason)), style = MaterialTheme.typography.bodySmall)
        }
        MessageKind.Redacted -> Text(stringResource(R.string.timeline_redacted))
        MessageKind.Other -> Text(stringResource(R.string.timeline_unsupported))
    }
}

/** The core gives the SDK's name of the change; the line says it in words. */
private fun membershipChange(change: String): Int = when (change) {
    "Joined", "InvitationAccepted" -> R.string.timeline_member_joined
    "Invited", "KnockAccepted" -> R.string.timeline_member_invited
    "Left" -> R.string.timeline_member_left
    "Kicked", "KickedAndBanned", "Banned" -> R.string.timeline_member_removed
    "InvitationRejected" -> R.string.timeline_member_declined
    "InvitationRevoked" -> R.string.timeline_member_invitation_withdrawn
    else -> R.string.timeline_member_other
}

private fun unreadable(reason: UtdReason): Int = when (reason) {
    UtdReason.WAITING -> R.string.unreadable_waiting
    UtdReason.SENT_BEFORE_JOINED -> R.string.unreadable_before_joined
    UtdReason.DEVICE_NOT_VERIFIED -> R.string.unreadable_device_not_verified
    UtdReason.NO_BACKUP -> R.string.unreadable_no_backup
    UtdReason.SENDER_NOT_TRUSTED -> R.string.unreadable_sender_not_trusted
    UtdReason.WITHHELD -> R.string.unreadable_withheld
}

private fun rejectedTitle(what: RejectedEvent): Int = when (what) {
    RejectedEvent.HEADER -> R.string.rejected_header
    RejectedEvent.ADVICE -> R.string.rejected_advice
    RejectedEvent.CLOSURE -> R.string.rejected_closure
    RejectedEvent.CALL_BACK -> R.string.rejected_call_back
    RejectedEvent.OTHER -> R.string.rejected_other
}

private fun rejectedReason(reason: Rejection): Int = when (reason) {
    Rejection.NOT_FROM_CREATOR -> R.string.rejected_not_from_creator
    Rejection.NOT_FROM_TAKER -> R.string.rejected_not_from_taker
    Rejection.HEADER_ALREADY_GIVEN -> R.string.rejected_header_already_given
    Rejection.MALFORMED -> R.string.rejected_malformed
}
