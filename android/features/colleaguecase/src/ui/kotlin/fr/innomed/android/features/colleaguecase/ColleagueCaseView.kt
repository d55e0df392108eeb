package fr.innomed.android.features.colleaguecase

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardActions
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.ui.CaseHeaderFields
import fr.innomed.android.ui.CheckLine
import fr.innomed.android.ui.ErrorDialog
import fr.innomed.android.ui.FormSection
import fr.innomed.android.ui.HeaderChanges
import fr.innomed.android.ui.HeaderInput
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.label
import fr.innomed.android.ui.text

/**
 * A new case between colleagues, without a CPTS: the colleagues by their identifier (typed, then
 * "Ajouter"; a tap on one takes them off), then the patient's header, as a request's. The button
 * waits for a colleague, a label, an age band and a question. The core's refusal of the case shows
 * in a dialog; refused invitations show in place of the form, each colleague with the reason, the
 * case being open all the same.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun ColleagueCaseView(state: ColleagueCaseState, onEvent: (ColleagueCaseEvent) -> Unit) {
    InnomedScreen(title = stringResource(R.string.colleague_case_title)) {
        Column(
            Modifier.padding(16.dp).verticalScroll(rememberScrollState()),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            if (state.openedRoom != null && state.refused.isNotEmpty()) {
                RefusedInvitations(state, onEvent)
                return@Column
            }
            Text(stringResource(R.string.colleague_case_hint), style = MaterialTheme.typography.bodyMedium)
            FormSection(R.string.colleague_case_colleagues, false)
            Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedTextField(
                    value = state.colleagueInput,
                    onValueChange = { onEvent(ColleagueCaseEvent.ColleagueInputChanged(it)) },
                    label = { Text(stringResource(R.string.invite_user_id)) },
                    singleLine = true,
                    keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Email, imeAction = ImeAction.Done),
                    keyboardActions = KeyboardActions(onDone = { onEvent(ColleagueCaseEvent.AddColleague) }),
                    modifier = Modifier.weight(1f),
                )
                OutlinedButton(onClick = { onEvent(ColleagueCaseEvent.AddColleague) }, enabled = state.canAddColleague) {
                    Text(stringResource(R.string.colleague_case_add))
                }
            }
            if (state.colleagues.isEmpty()) {
                Text(stringResource(R.string.colleague_case_colleagues_hint), style = MaterialTheme.typography.bodySmall)
            } else {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    state.colleagues.forEach { colleague ->
                        FilterChip(selected = true, onClick = { onEvent(ColleagueCaseEvent.RemoveColleague(colleague)) }, label = { Text(colleague.value) })
                    }
                }
                Text(stringResource(R.string.colleague_case_history_note), style = MaterialTheme.typography.bodySmall)
            }
            FormSection(R.string.request_urgency, false)
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                Urgency.entries.forEach { urgency ->
                    FilterChip(
                        selected = state.urgency == urgency,
                        onClick = { onEvent(ColleagueCaseEvent.UrgencySelected(urgency)) },
                        label = { Text(stringResource(urgency.label())) },
                    )
                }
            }
            FormSection(R.string.care_team_patient, false)
            CaseHeaderFields(
                HeaderInput(state.patientLabel, state.ageBand, state.sex, state.reason, state.question),
                remember(onEvent) { headerChanges(onEvent) },
            )
            CheckLine(R.string.request_photo_consent, state.photoConsent) { onEvent(ColleagueCaseEvent.PhotoConsentChanged(it)) }
            Button(
                onClick = { onEvent(ColleagueCaseEvent.Submit) },
                enabled = state.canSubmit,
                modifier = Modifier.fillMaxWidth(),
            ) { Text(stringResource(if (state.submitting) R.string.care_team_opening else R.string.colleague_case_submit)) }
        }
    }
    ErrorDialog(state.error?.text()) { onEvent(ColleagueCaseEvent.DismissError) }
}

/** The case is open, but not everyone is in it: who, why, and where to invite them again. */
@Composable
private fun RefusedInvitations(state: ColleagueCaseState, onEvent: (ColleagueCaseEvent) -> Unit) {
    Text(stringResource(R.string.colleague_case_opened), style = MaterialTheme.typography.titleMedium)
    Text(stringResource(R.string.colleague_case_refused), style = MaterialTheme.typography.bodyMedium)
    state.refused.forEach { refused ->
        Column {
            Text(refused.colleague.value, style = MaterialTheme.typography.bodyLarge)
            Text(errorMessage(refused.error.text()), style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.error)
        }
    }
    Text(stringResource(R.string.colleague_case_retry_hint), style = MaterialTheme.typography.bodyMedium)
    Button(onClick = { onEvent(ColleagueCaseEvent.OpenCase) }, modifier = Modifier.fillMaxWidth()) {
        Text(stringResource(R.string.colleague_case_open))
    }
}

private fun headerChanges(onEvent: (ColleagueCaseEvent) -> Unit) = object : HeaderChanges {
    override fun patientLabel(value: String) = onEvent(ColleagueCaseEvent.PatientLabelChanged(value))

    override fun ageBand(value: AgeBand) = onEvent(ColleagueCaseEvent.AgeBandSelected(value))

    override fun sex(value: Sex) = onEvent(ColleagueCaseEvent.SexSelected(value))

    override fun reason(value: String) = onEvent(ColleagueCaseEvent.ReasonChanged(value))

    override fun question(value: String) = onEvent(ColleagueCaseEvent.QuestionChanged(value))
}
