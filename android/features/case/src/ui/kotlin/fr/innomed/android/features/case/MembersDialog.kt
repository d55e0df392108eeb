package fr.innomed.android.features.case

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.cases.Unvouched
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.ui.R
import fr.innomed.android.ui.TrustShield
import fr.innomed.android.ui.specialtyLabel

/**
 * Who is in the case or invited to it: each one's name as the core gives it (CPTS directory,
 * else profile, else user id) with the shield of this doctor's trust in their identity, the user
 * id smaller below it, their specialties, in the error colour why nobody can vouch for them when
 * the core says so, and the way to verify a colleague this doctor has not verified.
 */
@Composable
fun MembersDialog(lines: List<MemberLine>, specialties: List<Specialty>, onEvent: (CaseEvent) -> Unit) {
    val close = { onEvent(CaseEvent.CloseMembers) }
    AlertDialog(
        onDismissRequest = close,
        title = { Text(stringResource(R.string.members_title)) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(12.dp)) {
                if (lines.isEmpty()) Text(stringResource(R.string.members_none))
                lines.forEach { MemberRow(it, specialties, onEvent) }
            }
        },
        confirmButton = { TextButton(onClick = close) { Text(stringResource(R.string.ok)) } },
    )
}

@Composable
private fun MemberRow(line: MemberLine, specialties: List<Specialty>, onEvent: (CaseEvent) -> Unit) {
    val member = line.member
    Column(verticalArrangement = Arrangement.spacedBy(2.dp)) {
        FlowRow(horizontalArrangement = Arrangement.spacedBy(6.dp), itemVerticalAlignment = Alignment.CenterVertically) {
            Text(member.displayName, style = MaterialTheme.typography.bodyLarge)
            TrustShield(member.trust)
        }
        // The id is shown once only when the name is not just the id again.
        if (member.displayName != member.userId.value) {
            Text(member.userId.value, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
        }
        val labels = member.specialties.mapNotNull { specialtyLabel(it, specialties) }
        if (labels.isNotEmpty()) Text(labels.joinToString(), style = MaterialTheme.typography.bodyMedium)
        if (member.membership == Membership.INVITED) {
            Text(stringResource(R.string.members_invited), style = MaterialTheme.typography.bodySmall)
        }
        line.unvouched?.let {
            Text(stringResource(it.flag()), style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.error)
        }
        // With the colleague beside them or on the phone: compare seven emojis, once for all cases.
        if (line.canVerify) {
            TextButton(onClick = { onEvent(CaseEvent.VerifyMember(member.userId)) }) { Text(stringResource(R.string.members_verify)) }
        }
    }
}

private fun Unvouched.flag(): Int = when (this) {
    Unvouched.NOT_INVITED_BY_MEMBER -> R.string.members_not_invited
    Unvouched.NO_CROSS_SIGNING -> R.string.members_no_cross_signing
    Unvouched.NOT_CONFIRMED -> R.string.members_not_confirmed
}
