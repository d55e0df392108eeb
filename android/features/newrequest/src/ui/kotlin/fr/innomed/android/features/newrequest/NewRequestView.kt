package fr.innomed.android.features.newrequest

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.ui.ErrorDialog
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.label
import fr.innomed.android.ui.text

/**
 * The request form, with an optional camera photo. Nothing is sent before the patient's
 * consent is ticked; a photo also needs the consent to photos.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun NewRequestView(state: NewRequestState, onEvent: (NewRequestEvent) -> Unit, onTakePhoto: () -> Unit) {
    InnomedScreen(title = stringResource(R.string.request_title)) {
        Column(
            Modifier.padding(16.dp).verticalScroll(rememberScrollState()),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            Section(R.string.request_specialty, RequestField.SPECIALTY in state.invalidFields)
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                state.specialties.forEach { specialty ->
                    FilterChip(
                        selected = state.specialty == specialty.code,
                        onClick = { onEvent(NewRequestEvent.SpecialtySelected(specialty.code)) },
                        label = { Text(specialty.label()) },
                    )
                }
            }
            OnDutyLine(state.onDuty, state.expert, onEvent)
            Section(R.string.request_urgency, false)
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                Urgency.entries.forEach { urgency ->
                    FilterChip(
                        selected = state.urgency == urgency,
                        onClick = { onEvent(NewRequestEvent.UrgencySelected(urgency)) },
                        label = { Text(stringResource(urgency.label())) },
                    )
                }
            }
            OutlinedTextField(
                value = state.patientLabel,
                onValueChange = { onEvent(NewRequestEvent.PatientLabelChanged(it)) },
                label = { Text(stringResource(R.string.request_patient_label)) },
                supportingText = { Text(stringResource(R.string.request_patient_label_hint)) },
                isError = RequestField.PATIENT_LABEL in state.invalidFields,
                singleLine = true,
                modifier = Modifier.fillMaxWidth(),
            )
            Section(R.string.request_age_band, RequestField.AGE_BAND in state.invalidFields)
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                AgeBand.entries.forEach { band ->
                    FilterChip(
                        selected = state.ageBand == band,
                        onClick = { onEvent(NewRequestEvent.AgeBandSelected(band)) },
                        label = { Text(stringResource(band.label())) },
                    )
                }
            }
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                Sex.entries.forEach { sex ->
                    FilterChip(
                        selected = state.sex == sex,
                        onClick = { onEvent(NewRequestEvent.SexSelected(sex)) },
                        label = { Text(stringResource(sex.label())) },
                    )
                }
            }
            OutlinedTextField(
                value = state.reason,
                onValueChange = { onEvent(NewRequestEvent.ReasonChanged(it)) },
                label = { Text(stringResource(R.string.request_reason)) },
                isError = RequestField.REASON in state.invalidFields,
                modifier = Modifier.fillMaxWidth(),
            )
            OutlinedTextField(
                value = state.question,
                onValueChange = { onEvent(NewRequestEvent.QuestionChanged(it)) },
                label = { Text(stringResource(R.string.request_question)) },
                isError = RequestField.QUESTION in state.invalidFields,
                minLines = 3,
                modifier = Modifier.fillMaxWidth(),
            )
            RequestPhotoSection(state, onEvent, onTakePhoto)
            CheckLine(R.string.request_photo_consent, state.photoConsent, RequestField.PHOTO_CONSENT in state.invalidFields) {
                onEvent(NewRequestEvent.PhotoConsentChanged(it))
            }
            CheckLine(R.string.request_consent, state.consent, RequestField.CONSENT in state.invalidFields) {
                onEvent(NewRequestEvent.ConsentChanged(it))
            }
            Button(
                onClick = { onEvent(NewRequestEvent.Submit) },
                enabled = state.canSubmit,
                modifier = Modifier.fillMaxWidth(),
            ) { Text(stringResource(if (state.submitting) R.string.request_sending else R.string.request_submit)) }
        }
    }
    ErrorDialog(state.error?.text()) { onEvent(NewRequestEvent.DismissError) }
}

@Composable
private fun Section(title: Int, invalid: Boolean) {
    Text(
        stringResource(title),
        style = MaterialTheme.typography.titleSmall,
        color = if (invalid) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface,
    )
}

@Composable
private fun CheckLine(label: Int, checked: Boolean, invalid: Boolean = false, onChange: (Boolean) -> Unit) {
    // The whole line is the target, not only the box: one thumb, between two consultations.
    Row(
        Modifier.fillMaxWidth().toggleable(value = checked, role = Role.Checkbox, onValueChange = onChange),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Checkbox(checked = checked, onCheckedChange = null)
        Text(stringResource(label), color = if (invalid) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface)
    }
}

/** Who will get the request: whoever is on duty, or a specialist picked from the directory. */
@Composable
private fun OnDutyLine(onDuty: OnDuty, expert: MemberEntry?, onEvent: (NewRequestEvent) -> Unit) {
    if (expert != null) {
        Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(stringResource(R.string.request_expert, expert.displayName))
            OutlinedButton(onClick = { onEvent(NewRequestEvent.ExpertCleared) }) { Text(stringResource(R.string.request_expert_clear)) }
        }
        return
    }
    when (onDuty) {
        OnDuty.Unknown -> Unit
        OnDuty.Checking -> Text(stringResource(R.string.request_checking_duty))
        is OnDuty.Available -> Text(stringResource(R.string.request_on_duty, onDuty.specialists.joinToString { it.displayName }))
        is OnDuty.Nobody -> {
            Text(stringResource(R.string.request_nobody_on_duty), color = MaterialTheme.colorScheme.error)
            onDuty.directory.forEach { entry ->
                OutlinedButton(onClick = { onEvent(NewRequestEvent.ExpertPicked(entry)) }, modifier = Modifier.fillMaxWidth()) {
                    Text(entry.displayName)
                }
            }
        }
    }
}
