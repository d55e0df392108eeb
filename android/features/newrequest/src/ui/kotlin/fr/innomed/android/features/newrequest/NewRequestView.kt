package fr.innomed.android.features.newrequest

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
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
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.ui.CaseHeaderFields
import fr.innomed.android.ui.CheckLine
import fr.innomed.android.ui.ErrorDialog
import fr.innomed.android.ui.FormSection
import fr.innomed.android.ui.HeaderChanges
import fr.innomed.android.ui.HeaderInput
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.label
import fr.innomed.android.ui.text

/**
 * The request form, with an optional camera photo and an optional number to be called back on. Nothing is sent before the patient's
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
            FormSection(R.string.request_specialty, RequestField.SPECIALTY in state.invalidFields)
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
            FormSection(R.string.request_urgency, false)
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                Urgency.entries.forEach { urgency ->
                    FilterChip(
                        selected = state.urgency == urgency,
                        onClick = { onEvent(NewRequestEvent.UrgencySelected(urgency)) },
                        label = { Text(stringResource(urgency.label())) },
                    )
                }
            }
            CallBackField(state.callBack, RequestField.CALL_BACK in state.invalidFields) { onEvent(NewRequestEvent.CallBackChanged(it)) }
            CaseHeaderFields(
                HeaderInput(
                    patientLabel = state.patientLabel,
                    ageBand = state.ageBand,
                    sex = state.sex,
                    reason = state.reason,
                    question = state.question,
                    patientLabelInvalid = RequestField.PATIENT_LABEL in state.invalidFields,
                    ageBandInvalid = RequestField.AGE_BAND in state.invalidFields,
                    reasonInvalid = RequestField.REASON in state.invalidFields,
                    questionInvalid = RequestField.QUESTION in state.invalidFields,
                ),
                remember(onEvent) { headerChanges(onEvent) },
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

private fun headerChanges(onEvent: (NewRequestEvent) -> Unit) = object : HeaderChanges {
    override fun patientLabel(value: String) = onEvent(NewRequestEvent.PatientLabelChanged(value))

    override fun ageBand(value: AgeBand) = onEvent(NewRequestEvent.AgeBandSelected(value))

    override fun sex(value: Sex) = onEvent(NewRequestEvent.SexSelected(value))

    override fun reason(value: String) = onEvent(NewRequestEvent.ReasonChanged(value))

    override fun question(value: String) = onEvent(NewRequestEvent.QuestionChanged(value))
}

/**
 * The GP's number to be called back on (optional), on the phone keyboard: typed as the GP writes
 * it; a number the core refused is said under it, and stays as typed to correct it.
 */
@Composable
private fun CallBackField(value: String, invalid: Boolean, onChange: (String) -> Unit) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(stringResource(R.string.request_call_back)) },
        supportingText = { Text(stringResource(if (invalid) R.string.error_invalid_phone else R.string.request_call_back_hint)) },
        isError = invalid,
        singleLine = true,
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Phone),
        modifier = Modifier.fillMaxWidth(),
    )
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
