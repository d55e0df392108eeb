package fr.innomed.android.features.case

import androidx.compose.foundation.clickable
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
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.conversation.MessageContent
import fr.innomed.android.api.conversation.RejectedEvent
import fr.innomed.android.api.conversation.RejectionReason
import fr.innomed.android.api.conversation.SendState
import fr.innomed.android.api.conversation.TimelineEntry
import fr.innomed.android.api.conversation.UnreadableReason
import fr.innomed.android.ui.R
import fr.innomed.android.ui.TrustShield
import fr.innomed.android.ui.label
import java.text.DateFormat
import java.util.Date

/**
 * One timeline line; a tap on a sent message replies to it (a tap on a photo opens it). The
 * sender's shield shows where the core's trust level says something about them ([shield]).
 */
@Composable
fun TimelineItemView(entry: TimelineEntry, photos: CasePhotosState, onEvent: (CaseEvent) -> Unit) {
    when (entry) {
        is TimelineEntry.DayDivider ->
            Text(DateFormat.getDateInstance(DateFormat.FULL).format(Date(entry.timestampMillis)), style = MaterialTheme.typography.labelMedium)
        TimelineEntry.ReadMarker -> HorizontalDivider()
        is TimelineEntry.Message -> MessageView(entry, photos, onEvent)
    }
}

@Composable
private fun MessageView(message: TimelineEntry.Message, photos: CasePhotosState, onEvent: (CaseEvent) -> Unit) {
    val colors = if (message.isOwn) CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.primaryContainer) else CardDefaults.cardColors()
    val eventId = message.eventId
    Card(
        colors = colors,
        modifier = Modifier.fillMaxWidth().clickable(enabled = eventId != null) { eventId?.let { onEvent(CaseEvent.ReplyTo(it)) } },
    ) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(6.dp), itemVerticalAlignment = Alignment.CenterVertically) {
                Text(message.sender.value, style = MaterialTheme.typography.labelSmall)
                message.shield?.let { TrustShield(it) }
            }
            message.sharedBy?.let { Text(stringResource(R.string.timeline_shared_by, it.value), style = MaterialTheme.typography.labelSmall) }
            if (message.inReplyTo != null) Text(stringResource(R.string.timeline_reply), style = MaterialTheme.typography.labelSmall)
            when (val content = message.content) {
                is MessageContent.Photo -> PhotoMessageView(message, content, photos, onEvent)
                else -> ContentView(content)
            }
            when (val send = message.sendState) {
                SendState.Sending -> Text(stringResource(R.string.timeline_sending), style = MaterialTheme.typography.labelSmall)
                is SendState.Failed -> Text(stringResource(R.string.timeline_send_failed), color = MaterialTheme.colorScheme.error)
                is SendState.BlockedByIdentityChange ->
                    Text(stringResource(R.string.timeline_identity_changed, send.users.joinToString { it.value }), color = MaterialTheme.colorScheme.error)
                SendState.Sent -> Unit
            }
        }
    }
}

@Composable
private fun ContentView(content: MessageContent) {
    when (content) {
        is MessageContent.Text -> Text(content.body)
        // Drawn with its thumbnail by PhotoMessageView.
        is MessageContent.Photo -> Unit
        is MessageContent.Header -> {
            val header = content.header
            Text(stringResource(R.string.header_card_title), style = MaterialTheme.typography.titleSmall)
            Text("${header.patientLabel} · ${stringResource(header.ageBand.label())} · ${stringResource(header.sex.label())}")
            Text(stringResource(R.string.header_reason, header.reason))
            Text(stringResource(R.string.header_question, header.question))
            Text(stringResource(if (header.photoConsent) R.string.header_photo_consent_yes else R.string.header_photo_consent_no))
        }
        is MessageContent.AdviceCard -> {
            val advice = content.advice
            Text(stringResource(R.string.advice_card_title), style = MaterialTheme.typography.titleSmall)
            Text(stringResource(R.string.advice_card_assessment, advice.assessment))
            Text(stringResource(R.string.advice_card_recommendation, advice.recommendation))
            Text(stringResource(advice.inPerson.label()))
        }
        is MessageContent.Closure -> Text(stringResource(R.string.timeline_closed, content.outcome))
        is MessageContent.MembershipChange -> Text(stringResource(R.string.timeline_membership, content.userId.value, content.change))
        is MessageContent.Unreadable -> Text(stringResource(unreadable(content.reason)), style = MaterialTheme.typography.bodySmall)
        MessageContent.Untrusted -> Text(stringResource(R.string.timeline_untrusted), color = MaterialTheme.colorScheme.error)
        // Only that it was not taken into account, and why: never what it says.
        is MessageContent.Rejected -> {
            Text(stringResource(rejectedTitle(content.what)), color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.titleSmall)
            Text(stringResource(rejectedReason(content.reason)), style = MaterialTheme.typography.bodySmall)
        }
        MessageContent.Redacted -> Text(stringResource(R.string.timeline_redacted))
        MessageContent.Unsupported -> Text(stringResource(R.string.timeline_unsupported))
    }
}

private fun unreadable(reason: UnreadableReason): Int = when (reason) {
    UnreadableReason.WAITING -> R.string.unreadable_waiting
    UnreadableReason.SENT_BEFORE_JOINED -> R.string.unreadable_before_joined
    UnreadableReason.DEVICE_NOT_VERIFIED -> R.string.unreadable_device_not_verified
    UnreadableReason.NO_BACKUP -> R.string.unreadable_no_backup
    UnreadableReason.SENDER_NOT_TRUSTED -> R.string.unreadable_sender_not_trusted
    UnreadableReason.WITHHELD -> R.string.unreadable_withheld
}

private fun rejectedTitle(what: RejectedEvent): Int = when (what) {
    RejectedEvent.HEADER -> R.string.rejected_header
    RejectedEvent.ADVICE -> R.string.rejected_advice
    RejectedEvent.CLOSURE -> R.string.rejected_closure
    RejectedEvent.OTHER -> R.string.rejected_other
}

private fun rejectedReason(reason: RejectionReason): Int = when (reason) {
    RejectionReason.NOT_FROM_CREATOR -> R.string.rejected_not_from_creator
    RejectionReason.NOT_FROM_TAKER -> R.string.rejected_not_from_taker
    RejectionReason.HEADER_ALREADY_GIVEN -> R.string.rejected_header_already_given
    RejectionReason.MALFORMED -> R.string.rejected_malformed
}
