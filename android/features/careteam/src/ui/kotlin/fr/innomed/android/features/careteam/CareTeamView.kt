package fr.innomed.android.features.careteam

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.directory.MemberEntry
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
import fr.innomed.android.ui.specialtyLabel
import fr.innomed.android.ui.text

/**
 * A new care team: the professionals picked from the CPTS's directory (found by name; the picked
 * ones above, a tap takes one off), then the patient's header, as a request's. The button waits
 * for a member, a label, an age band and a question; the core's refusal shows in a dialog.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun CareTeamView(state: CareTeamState, onEvent: (CareTeamEvent) -> Unit) {
    InnomedScreen(title = stringResource(R.string.care_team_title)) {
        Column(
            Modifier.padding(16.dp).verticalScroll(rememberScrollState()),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            Text(stringResource(R.string.care_team_hint), style = MaterialTheme.typography.bodyMedium)
            FormSection(R.string.care_team_members, false)
            if (state.members.isEmpty()) {
                Text(stringResource(R.string.care_team_members_hint), style = MaterialTheme.typography.bodySmall)
            } else {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    state.members.forEach { member ->
                        FilterChip(selected = true, onClick = { onEvent(CareTeamEvent.MemberToggled(member)) }, label = { Text(member.displayName) })
                    }
                }
            }
            OutlinedTextField(
                value = state.query,
                onValueChange = { onEvent(CareTeamEvent.QueryChanged(it)) },
                label = { Text(stringResource(R.string.directory_search)) },
                singleLine = true,
                modifier = Modifier.fillMaxWidth(),
            )
            state.searchError?.let { error ->
                Text(errorMessage(error.text()), color = MaterialTheme.colorScheme.error)
                TextButton(onClick = { onEvent(CareTeamEvent.RetrySearch) }) { Text(stringResource(R.string.retry)) }
            }
            // The directory in a box of its own: the patient's header stays within reach below it.
            Column(Modifier.heightIn(max = 264.dp).verticalScroll(rememberScrollState())) {
                state.results.forEach { entry -> MemberLine(entry, state, onEvent) }
            }
            FormSection(R.string.care_team_patient, false)
            CaseHeaderFields(
                HeaderInput(state.patientLabel, state.ageBand, state.sex, state.reason, state.question),
                remember(onEvent) { headerChanges(onEvent) },
            )
            CheckLine(R.string.request_photo_consent, state.photoConsent) { onEvent(CareTeamEvent.PhotoConsentChanged(it)) }
            Button(
                onClick = { onEvent(CareTeamEvent.Submit) },
                enabled = state.canSubmit,
                modifier = Modifier.fillMaxWidth(),
            ) { Text(stringResource(if (state.submitting) R.string.care_team_opening else R.string.care_team_submit)) }
        }
    }
    ErrorDialog(state.error?.text()) { onEvent(CareTeamEvent.DismissError) }
}

/** One professional of the directory: name, profession and specialties; the whole line picks them. */
@Composable
private fun MemberLine(entry: MemberEntry, state: CareTeamState, onEvent: (CareTeamEvent) -> Unit) {
    val picked = state.isPicked(entry)
    Row(
        Modifier.fillMaxWidth().toggleable(value = picked, role = Role.Checkbox, onValueChange = { onEvent(CareTeamEvent.MemberToggled(entry)) }),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Checkbox(checked = picked, onCheckedChange = null)
        Column(Modifier.weight(1f).padding(start = 8.dp)) {
            Text(entry.displayName, style = MaterialTheme.typography.bodyLarge)
            val details = listOf(stringResource(entry.profession.label())) + entry.specialties.mapNotNull { specialtyLabel(it, state.specialties) }
            Text(details.joinToString(" · "), style = MaterialTheme.typography.bodySmall)
        }
        if (entry.retired) Text(stringResource(R.string.directory_retired), style = MaterialTheme.typography.labelSmall)
    }
}

private fun headerChanges(onEvent: (CareTeamEvent) -> Unit) = object : HeaderChanges {
    override fun patientLabel(value: String) = onEvent(CareTeamEvent.PatientLabelChanged(value))

    override fun ageBand(value: AgeBand) = onEvent(CareTeamEvent.AgeBandSelected(value))

    override fun sex(value: Sex) = onEvent(CareTeamEvent.SexSelected(value))

    override fun reason(value: String) = onEvent(CareTeamEvent.ReasonChanged(value))

    override fun question(value: String) = onEvent(CareTeamEvent.QuestionChanged(value))
}
