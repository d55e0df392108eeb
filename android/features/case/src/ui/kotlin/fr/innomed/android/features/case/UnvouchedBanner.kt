package fr.innomed.android.features.case

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.Unvouched
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.android.ui.R

/**
 * A warning above the conversation while the case has members nobody can vouch for: each one's id
 * and, in words, why (joined without a member's invitation, no verified identity, or neither
 * verified by the doctor nor attested by their CPTS). Beside each member of the last kind, while
 * [canConfirm], a button confirms them for this case ([onConfirm]); the buttons wait while
 * [confirming] someone.
 */
@Composable
fun UnvouchedBanner(
    members: List<UnvouchedMember>,
    modifier: Modifier = Modifier,
    canConfirm: Boolean = false,
    confirming: UserId? = null,
    onConfirm: (UserId) -> Unit = {},
    nameOf: (UserId) -> String = { it.value },
) {
    if (members.isEmpty()) return
    Card(
        colors = CardDefaults.cardColors(
            containerColor = MaterialTheme.colorScheme.errorContainer,
            contentColor = MaterialTheme.colorScheme.onErrorContainer,
        ),
        modifier = modifier.fillMaxWidth(),
    ) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(stringResource(R.string.unvouched_title), style = MaterialTheme.typography.titleSmall)
            Text(stringResource(R.string.unvouched_intro), style = MaterialTheme.typography.bodySmall)
            members.forEach { member ->
                Text(stringResource(member.reason.text(), nameOf(member.userId)), style = MaterialTheme.typography.bodyMedium)
                if (canConfirm && member.reason == Unvouched.NOT_CONFIRMED) {
                    TextButton(onClick = { onConfirm(member.userId) }, enabled = confirming == null) {
                        Text(stringResource(R.string.unvouched_confirm))
                    }
                }
            }
        }
    }
}

private fun Unvouched.text(): Int = when (this) {
    Unvouched.NOT_INVITED_BY_MEMBER -> R.string.unvouched_not_invited
    Unvouched.NO_CROSS_SIGNING -> R.string.unvouched_no_cross_signing
    Unvouched.NOT_CONFIRMED -> R.string.unvouched_not_confirmed
}
