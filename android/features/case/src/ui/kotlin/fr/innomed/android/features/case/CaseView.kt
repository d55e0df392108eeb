package fr.innomed.android.features.case

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.LazyListState
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.ui.DeadlineChip
import fr.innomed.android.ui.ErrorDialog
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.label
import fr.innomed.android.ui.specialtyLabel
import fr.innomed.android.ui.text
import java.text.DateFormat
import java.util.Date

/**
 * One case: status line with the deadline, the actions the core allows, the conversation (header
 * and advice cards, photos, documents), the composer with the camera and the files to send,
 * inviting a colleague, the case's members by name, the GP's number to call back on the side of
 * the specialist who took the request, and a photo full screen over it all. A request shows its
 * brief until its header can be read, and says why nobody writes into it while the core says it
 * waits for its hand-over (the composer shows only while the core allows writing).
 */
@Composable
fun CaseView(
    state: CaseState,
    onEvent: (CaseEvent) -> Unit,
    specialties: List<Specialty>,
    onTakePhoto: () -> Unit,
    onAttachFiles: () -> Unit,
) {
    Box(Modifier.fillMaxSize()) {
        CaseScreen(state, onEvent, specialties, onTakePhoto, onAttachFiles)
        state.photos.viewer?.let { viewer ->
            PhotoViewerOverlay(viewer, state.photos.thumbnails[viewer.key], onClose = { onEvent(CaseEvent.ClosePhoto) })
        }
    }
    state.invite?.let { InviteColleagueDialog(it, onEvent) }
    if (state.membersShown) MembersDialog(state.memberLines, specialties, onEvent)
    ErrorDialog(state.error?.text()) { onEvent(CaseEvent.DismissError) }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun CaseScreen(
    state: CaseState,
    onEvent: (CaseEvent) -> Unit,
    specialties: List<Specialty>,
    onTakePhoto: () -> Unit,
    onAttachFiles: () -> Unit,
) {
    val details = state.details
    val conversation = rememberLazyListState()
    FollowNewest(state.items, conversation)
    InnomedScreen(
        title = details?.code ?: stringResource(R.string.case_title),
        actions = {
            TextButton(onClick = { onEvent(CaseEvent.OpenMembers) }) { Text(stringResource(R.string.case_members)) }
            if (state.canInvite) {
                TextButton(onClick = { onEvent(CaseEvent.OpenInvite) }) { Text(stringResource(R.string.case_invite_short)) }
            }
        },
    ) {
        if (details != null) {
            FlowRow(Modifier.padding(horizontal = 16.dp), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                details.statusInfo?.let { info ->
                    Text(stringResource(info.status.label()))
                    specialtyLabel(info.specialty, specialties)?.let { Text(it) }
                    Text(stringResource(info.urgency.label()))
                    info.dueAtMillis?.let { Text(stringResource(R.string.cases_due, DateFormat.getDateInstance(DateFormat.SHORT).format(Date(it)))) }
                    info.acceptedBy?.let { Text(stringResource(R.string.case_taken_by, state.nameOf(it))) }
                }
                DeadlineChip(state.deadline)
            }
            MuteLine(state, onEvent)
        }
        UnvouchedBanner(
            state.unvouched,
            Modifier.padding(horizontal = 16.dp, vertical = 4.dp),
            canConfirm = state.canConfirm,
            confirming = state.confirming,
            onConfirm = { onEvent(CaseEvent.ConfirmMember(it)) },
            nameOf = state::nameOf,
        )
        HandoverBanner(state.handover, Modifier.padding(horizontal = 16.dp, vertical = 4.dp))
        NextStepBanner(state.nextStep, Modifier.padding(horizontal = 16.dp, vertical = 4.dp))
        CallBackButton(state.callBack, onEvent, Modifier.padding(horizontal = 16.dp, vertical = 4.dp))
        // Until the header can be read (invited, or waiting for the hand-over), the brief says what is asked.
        if (state.header == null) {
            state.brief?.let { RequestBriefCard(it, specialties, Modifier.padding(horizontal = 16.dp, vertical = 4.dp), state::nameOf) }
        }
        ActionBar(state, onEvent)
        if (CaseAction.ADVISE in state.actions) AdviceForm(state, onEvent)
        if (CaseAction.CLOSE_WITH_REPORT in state.actions) {
            OutlinedTextField(
                value = state.outcome,
                onValueChange = { onEvent(CaseEvent.OutcomeChanged(it)) },
                label = { Text(stringResource(R.string.case_outcome)) },
                modifier = Modifier.fillMaxWidth().padding(horizontal = 16.dp),
            )
        }
        if (state.report != null) ReportLine(onEvent)
        LazyColumn(
            state = conversation,
            modifier = Modifier.weight(1f).padding(horizontal = 16.dp),
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            items(state.items) { item -> ConversationItemView(item, state.photos, state.files, state::nameOf, onEvent) }
        }
        if (state.composerEnabled) CaseComposer(state, onEvent, onTakePhoto, onAttachFiles)
    }
}

/**
 * Scrolls to a new last message: the doctor's own, or anyone's if the list was at the bottom
 * (as on opening). History loaded above it or a rotation leaves the list where it is: the last
 * entry seen is saved (as a hash, no id) with the screen.
 */
@Composable
private fun FollowNewest(items: List<ConversationItem>, conversation: LazyListState) {
    val last = items.lastOrNull()
    val marker = last?.marker()
    var seen by rememberSaveable { mutableStateOf<Int?>(null) }
    LaunchedEffect(marker) {
        if (last == null || marker == seen) return@LaunchedEffect
        val before = items.indexOfLast { it.marker() == seen }
        val lastVisible = conversation.layoutInfo.visibleItemsInfo.lastOrNull()?.index ?: -1
        val atBottom = before < 0 || lastVisible >= before - 1
        seen = marker
        if (atBottom || (last as? ConversationItem.Message)?.message?.isOwn == true) conversation.animateScrollToItem(items.lastIndex)
    }
}

private fun ConversationItem.marker(): Int = ((this as? ConversationItem.Message)?.message?.key ?: this).hashCode()

/** The report was written on this phone: open it, or share it (a secure mail, the patient's file). */
@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun ReportLine(onEvent: (CaseEvent) -> Unit) {
    Column(Modifier.padding(horizontal = 16.dp, vertical = 8.dp)) {
        Text(stringResource(R.string.case_report_written))
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            Button(onClick = { onEvent(CaseEvent.OpenReport(share = false)) }) { Text(stringResource(R.string.case_report_open)) }
            OutlinedButton(onClick = { onEvent(CaseEvent.OpenReport(share = true)) }) { Text(stringResource(R.string.case_report_share)) }
        }
    }
}

/** "En sourdine" and the way back, or the way to mute: one tap, on every device of the doctor. */
@Composable
private fun MuteLine(state: CaseState, onEvent: (CaseEvent) -> Unit) {
    if (state.details?.membership != Membership.JOINED) return
    Row(Modifier.padding(horizontal = 16.dp), verticalAlignment = Alignment.CenterVertically) {
        if (state.muted) Text(stringResource(R.string.case_muted), style = MaterialTheme.typography.labelMedium)
        TextButton(onClick = { onEvent(CaseEvent.SetMuted(!state.muted)) }, enabled = !state.muting) {
            Text(stringResource(if (state.muted) R.string.case_unmute else R.string.case_mute))
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun ActionBar(state: CaseState, onEvent: (CaseEvent) -> Unit) {
    val actions = state.barActions
    if (actions.isEmpty()) return
    FlowRow(Modifier.padding(horizontal = 16.dp), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        actions.forEach { action ->
            Button(onClick = { onEvent(CaseEvent.Act(action)) }, enabled = state.busy == null) {
                Text(stringResource(if (state.busy == action) R.string.case_working else action.label()))
            }
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun AdviceForm(state: CaseState, onEvent: (CaseEvent) -> Unit) {
    val draft = state.advice
    Column(Modifier.padding(horizontal = 16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        OutlinedTextField(
            value = draft.assessment,
            onValueChange = { onEvent(CaseEvent.AdviceChanged(draft.copy(assessment = it))) },
            label = { Text(stringResource(R.string.advice_assessment)) },
            modifier = Modifier.fillMaxWidth(),
        )
        OutlinedTextField(
            value = draft.recommendation,
            onValueChange = { onEvent(CaseEvent.AdviceChanged(draft.copy(recommendation = it))) },
            label = { Text(stringResource(R.string.advice_recommendation)) },
            modifier = Modifier.fillMaxWidth(),
        )
        Text(stringResource(R.string.advice_in_person))
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            InPerson.entries.forEach { choice ->
                FilterChip(
                    selected = draft.inPerson == choice,
                    onClick = { onEvent(CaseEvent.AdviceChanged(draft.copy(inPerson = choice))) },
                    label = { Text(stringResource(choice.label())) },
                )
            }
        }
    }
}
