package fr.innomed.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
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
import fr.innomed.android.ui.R

/** A case header as typed in a form (a request's, a care team's); the flags mark what is missing. */
data class HeaderInput(
    val patientLabel: String,
    val ageBand: AgeBand?,
    val sex: Sex,
    val reason: String,
    val question: String,
    val patientLabelInvalid: Boolean = false,
    val ageBandInvalid: Boolean = false,
    val reasonInvalid: Boolean = false,
    val questionInvalid: Boolean = false,
)

/** What the doctor changed in a [HeaderInput]. */
interface HeaderChanges {
    fun patientLabel(value: String)

    fun ageBand(value: AgeBand)

    fun sex(value: Sex)

    fun reason(value: String)

    fun question(value: String)
}

/**
 * The clinical heart of a case as a form: the patient's label (initials or a pseudonym, never the
 * name), age band, sex, reason and question, in a form's column.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun CaseHeaderFields(input: HeaderInput, changes: HeaderChanges) {
    OutlinedTextField(
        value = input.patientLabel,
        onValueChange = changes::patientLabel,
        label = { Text(stringResource(R.string.request_patient_label)) },
        supportingText = { Text(stringResource(R.string.request_patient_label_hint)) },
        isError = input.patientLabelInvalid,
        singleLine = true,
        modifier = Modifier.fillMaxWidth(),
    )
    FormSection(R.string.request_age_band, input.ageBandInvalid)
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        AgeBand.entries.forEach { band ->
            FilterChip(
                selected = input.ageBand == band,
                onClick = { changes.ageBand(band) },
                label = { Text(stringResource(band.label())) },
            )
        }
    }
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        Sex.entries.forEach { sex ->
            FilterChip(
                selected = input.sex == sex,
                onClick = { changes.sex(sex) },
                label = { Text(stringResource(sex.label())) },
            )
        }
    }
    OutlinedTextField(
        value = input.reason,
        onValueChange = changes::reason,
        label = { Text(stringResource(R.string.request_reason)) },
        isError = input.reasonInvalid,
        modifier = Modifier.fillMaxWidth(),
    )
    OutlinedTextField(
        value = input.question,
        onValueChange = changes::question,
        label = { Text(stringResource(R.string.request_question)) },
        isError = input.questionInvalid,
        minLines = 3,
        modifier = Modifier.fillMaxWidth(),
    )
}

/** A form's section title, in the error colour while it is missing. */
@Composable
fun FormSection(title: Int, invalid: Boolean) {
    Text(
        stringResource(title),
        style = MaterialTheme.typography.titleSmall,
        color = if (invalid) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface,
    )
}

/** A checkbox and its words: the whole line is the target, not only the box (one thumb, between two consultations). */
@Composable
fun CheckLine(label: Int, checked: Boolean, invalid: Boolean = false, onChange: (Boolean) -> Unit) {
    Row(
        Modifier.fillMaxWidth().toggleable(value = checked, role = Role.Checkbox, onValueChange = onChange),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Checkbox(checked = checked, onCheckedChange = null)
        Text(stringResource(label), color = if (invalid) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface)
    }
}
