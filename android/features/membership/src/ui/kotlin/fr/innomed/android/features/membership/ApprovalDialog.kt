package fr.innomed.android.features.membership

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.ui.R
import fr.innomed.android.ui.label

/** Approving a join request: the specialties served on duty, from the fixed list, and retired or not. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun ApprovalDialog(approval: Approval, specialties: List<Specialty>, onEvent: (MembershipEvent) -> Unit) {
    val request = approval.request
    val name = request.identity?.let { "${it.givenName} ${it.familyName}" } ?: request.userId.value
    AlertDialog(
        onDismissRequest = { onEvent(MembershipEvent.CancelApproval) },
        title = { Text(stringResource(R.string.membership_approve_title, name)) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                if (request.identity == null) Text(stringResource(R.string.membership_no_psc))
                Text(stringResource(R.string.membership_approve_specialties))
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    specialties.forEach { specialty ->
                        FilterChip(
                            selected = specialty.code in approval.specialties,
                            onClick = { onEvent(MembershipEvent.ToggleSpecialty(specialty.code)) },
                            label = { Text(specialty.label()) },
                        )
                    }
                }
                Row(verticalAlignment = Alignment.CenterVertically) {
                    Checkbox(checked = approval.retired, onCheckedChange = { onEvent(MembershipEvent.RetiredChanged(it)) })
                    Text(stringResource(R.string.directory_retired))
                }
            }
        },
        confirmButton = {
            TextButton(onClick = { onEvent(MembershipEvent.ConfirmApproval) }) { Text(stringResource(R.string.membership_approve)) }
        },
        dismissButton = {
            TextButton(onClick = { onEvent(MembershipEvent.CancelApproval) }) { Text(stringResource(R.string.cancel)) }
        },
    )
}
