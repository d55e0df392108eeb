package fr.innomed.android.features.case

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.HandoverWait
import fr.innomed.android.api.cases.RequestBrief
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.ui.R
import fr.innomed.android.ui.briefPatient
import fr.innomed.android.ui.label
import fr.innomed.android.ui.specialtyLabel
import java.text.DateFormat
import java.util.Date

/**
 * What a specialist a request is routed to reads before taking it: who asks, specialty,
 * urgency and due date, age band and sex, the question. There is no patient label: the whole
 * case goes only to the specialist who takes the request.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun RequestBriefCard(
    brief: RequestBrief,
    specialties: List<Specialty>,
    modifier: Modifier = Modifier,
    nameOf: (UserId) -> String = { it.value },
) {
    Card(modifier = modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(stringResource(R.string.brief_title), style = MaterialTheme.typography.titleSmall)
            Text(stringResource(R.string.brief_from, nameOf(brief.requester)), style = MaterialTheme.typography.bodySmall)
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                specialtyLabel(brief.specialty, specialties)?.let { Text(it) }
                Text(stringResource(brief.urgency.label()))
                brief.dueAtMillis?.let { Text(stringResource(R.string.cases_due, DateFormat.getDateInstance(DateFormat.SHORT).format(Date(it)))) }
            }
            Text(briefPatient(brief))
            Text(stringResource(R.string.brief_question, brief.question), style = MaterialTheme.typography.bodyLarge)
            Text(stringResource(R.string.brief_note), style = MaterialTheme.typography.bodySmall)
        }
    }
}

/**
 * Above the conversation while nobody may write into the request: waiting for a specialist to take
 * it, or for the requesting doctor's device to hand the case over to the one who did.
 */
@Composable
fun HandoverBanner(wait: HandoverWait?, modifier: Modifier = Modifier) {
    if (wait == null) return
    Card(
        colors = CardDefaults.cardColors(
            containerColor = MaterialTheme.colorScheme.secondaryContainer,
            contentColor = MaterialTheme.colorScheme.onSecondaryContainer,
        ),
        modifier = modifier.fillMaxWidth(),
    ) {
        Text(stringResource(wait.text()), Modifier.padding(12.dp), style = MaterialTheme.typography.bodyMedium)
    }
}

private fun HandoverWait.text(): Int = when (this) {
    HandoverWait.NOT_TAKEN -> R.string.handover_not_taken
    HandoverWait.AWAITING_REQUESTER -> R.string.handover_awaiting_requester
    HandoverWait.HANDING_OVER -> R.string.handover_handing_over
    HandoverWait.CONFIRM_TAKER -> R.string.handover_confirm_taker
}
