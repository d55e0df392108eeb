package fr.innomed.android.features.membership

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.cpts.JoinRequest
import fr.innomed.android.ui.ErrorDialog
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.label
import fr.innomed.android.ui.text

/**
 * The doctor's CPTS: when the core says the doctor is in none, the CPTS that accepted them
 * ("Rejoindre") and the forms to create one or to ask to join one; otherwise their CPTS, and for
 * its coordinator who asked to join, with Approuver (then the specialties) and Refuser.
 */
@Composable
fun MembershipView(state: MembershipState, onEvent: (MembershipEvent) -> Unit) {
    InnomedScreen(title = stringResource(R.string.membership_title)) {
        when {
            state.loading -> CircularProgressIndicator(Modifier.padding(16.dp))
            state.inNoCpts -> Column(Modifier.verticalScroll(rememberScrollState())) {
                state.invitations.forEach { InvitationCard(it, state, onEvent) }
                if (state.invitations.isNotEmpty()) HorizontalDivider(Modifier.padding(horizontal = 16.dp))
                CreateCptsForm(state, onEvent)
                HorizontalDivider(Modifier.padding(horizontal = 16.dp))
                JoinForm(state, onEvent)
            }
            else -> {
                val created = state.created
                if (created != null) CreatedCpts(created) else state.cpts?.let { OwnCptsCard(it, state.coordinator) }
                if (state.coordinator) JoinRequests(state, onEvent)
            }
        }
    }
    state.approval?.let { ApprovalDialog(it, state.specialties, onEvent) }
    ErrorDialog(state.error?.text(), onDismiss = { onEvent(MembershipEvent.DismissError) })
}

@Composable
private fun JoinForm(state: MembershipState, onEvent: (MembershipEvent) -> Unit) {
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Text(stringResource(R.string.membership_join_title), style = MaterialTheme.typography.titleMedium)
        Text(stringResource(R.string.membership_join_hint))
        OutlinedTextField(
            value = state.spaceId,
            onValueChange = { onEvent(MembershipEvent.SpaceIdChanged(it)) },
            label = { Text(stringResource(R.string.membership_space_id)) },
            placeholder = { Text("!abcdef:cpts.fr") },
            isError = state.askError != null,
            singleLine = true,
            modifier = Modifier.fillMaxWidth(),
        )
        state.askError?.let { Text(errorMessage(it.text()), color = MaterialTheme.colorScheme.error) }
        if (state.asked) Text(stringResource(R.string.membership_asked))
        Button(onClick = { onEvent(MembershipEvent.AskToJoin) }, enabled = state.canAsk, modifier = Modifier.fillMaxWidth()) {
            if (state.asking) CircularProgressIndicator() else Text(stringResource(R.string.membership_ask))
        }
    }
}

@Composable
private fun JoinRequests(state: MembershipState, onEvent: (MembershipEvent) -> Unit) {
    Text(
        stringResource(R.string.membership_requests_title),
        style = MaterialTheme.typography.titleMedium,
        modifier = Modifier.padding(16.dp),
    )
    state.approved?.let { Text(stringResource(R.string.membership_approved, it.displayName), Modifier.padding(horizontal = 16.dp)) }
    if (state.requests.isEmpty()) Text(stringResource(R.string.membership_no_requests), Modifier.padding(16.dp))
    LazyColumn {
        items(state.requests, key = { it.userId.value }) { request ->
            RequestRow(request, answering = request.userId in state.answering, onEvent = onEvent)
        }
    }
}

/** Who asked, as Pro Santé Connect named them; a request without that identity says so. */
@Composable
private fun RequestRow(request: JoinRequest, answering: Boolean, onEvent: (MembershipEvent) -> Unit) {
    val identity = request.identity
    ListItem(
        headlineContent = { Text(identity?.let { "${it.givenName} ${it.familyName}" } ?: request.userId.value) },
        supportingContent = {
            Column {
                if (identity == null) {
                    Text(stringResource(R.string.membership_no_psc), color = MaterialTheme.colorScheme.error)
                } else {
                    Text(request.userId.value)
                    Text(stringResource(R.string.membership_national_id, identity.nationalId))
                    val profession = identity.profession
                    Text(
                        if (profession != null) stringResource(profession.label())
                        else stringResource(R.string.profession_code, identity.professionCode),
                    )
                }
                Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    TextButton(onClick = { onEvent(MembershipEvent.StartApproval(request)) }, enabled = !answering) {
                        Text(stringResource(R.string.membership_approve))
                    }
                    TextButton(onClick = { onEvent(MembershipEvent.Refuse(request)) }, enabled = !answering) {
                        Text(stringResource(R.string.membership_refuse))
                    }
                }
            }
        },
    )
}
