package fr.innomed.android.features.membership

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.text.selection.SelectionContainer
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.cpts.CptsInfo
import fr.innomed.android.ui.R

/** A CPTS that accepted the doctor (its invitation): "Rejoindre" joins it, once at a time. */
@Composable
fun InvitationCard(invitation: CptsInfo, state: MembershipState, onEvent: (MembershipEvent) -> Unit) {
    Card(Modifier.fillMaxWidth().padding(horizontal = 16.dp, vertical = 8.dp)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(stringResource(R.string.membership_invited, invitation.name), style = MaterialTheme.typography.titleMedium)
            Text(stringResource(R.string.membership_invited_hint))
            Button(
                onClick = { onEvent(MembershipEvent.Accept(invitation)) },
                enabled = state.canAccept,
                modifier = Modifier.fillMaxWidth(),
            ) {
                if (state.accepting == invitation.spaceId) CircularProgressIndicator() else Text(stringResource(R.string.membership_accept))
            }
        }
    }
}

/** The doctor's CPTS: its name; for its coordinator, its id to give to whoever asks to join. */
@Composable
fun OwnCptsCard(cpts: CptsInfo, coordinator: Boolean) {
    Column(Modifier.padding(horizontal = 16.dp, vertical = 8.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(cpts.name, style = MaterialTheme.typography.titleMedium)
        if (coordinator) {
            Text(stringResource(R.string.membership_coordinator))
            SelectionContainer { Text(cpts.spaceId, style = MaterialTheme.typography.titleSmall) }
        } else {
            Text(stringResource(R.string.membership_member))
        }
    }
}
