package fr.innomed.android.features.directory

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.directory.PartnerCpts
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.declarePartnerText
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.partnerText

/**
 * The partner CPTS: what a partnership does, then each partner with whether it declared this
 * CPTS in return. The coordinator declares a partner (the identifier of its space and its
 * coordinator's, the core's refusal said under the form) and withdraws one after a
 * confirmation; the other members read the list.
 */
@Composable
fun PartnersView(state: PartnersState, onEvent: (PartnersEvent) -> Unit) {
    InnomedScreen(title = stringResource(R.string.partners_title)) {
        Box(Modifier.fillMaxSize()) {
            when {
                state.loading && state.partners == null -> CircularProgressIndicator(Modifier.align(Alignment.Center))
                state.partners == null -> Column(Modifier.padding(16.dp)) {
                    state.error?.let { Text(errorMessage(it.partnerText()), color = MaterialTheme.colorScheme.error) }
                    Button(onClick = { onEvent(PartnersEvent.Retry) }) { Text(stringResource(R.string.retry)) }
                }
                else -> PartnersContent(state, state.partners, onEvent)
            }
        }
    }
    state.withdrawal?.let { WithdrawalDialog(it, state.withdrawing, onEvent) }
}

@Composable
private fun PartnersContent(state: PartnersState, partners: List<PartnerCpts>, onEvent: (PartnersEvent) -> Unit) {
    val coordinator = state.isCoordinator == true
    LazyColumn(Modifier.padding(horizontal = 16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        item { Text(stringResource(R.string.partners_note), Modifier.padding(top = 8.dp), style = MaterialTheme.typography.bodyMedium) }
        state.error?.let { error ->
            item {
                Column {
                    Text(errorMessage(error.partnerText()), color = MaterialTheme.colorScheme.error)
                    TextButton(onClick = { onEvent(PartnersEvent.Retry) }) { Text(stringResource(R.string.retry)) }
                }
            }
        }
        item { Heading(stringResource(R.string.partners_list)) }
        if (partners.isEmpty()) {
            item { Text(stringResource(R.string.partners_none), style = MaterialTheme.typography.bodySmall) }
        }
        items(partners, key = { it.spaceId }) { Partner(it, coordinator, state.withdrawing, onEvent) }
        if (coordinator) {
            item { DeclareForm(state, onEvent) }
        } else {
            item { Text(stringResource(R.string.partners_member_note), Modifier.padding(top = 8.dp), style = MaterialTheme.typography.bodySmall) }
        }
    }
}

@Composable
private fun Heading(title: String) {
    Text(title, style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.primary, modifier = Modifier.padding(top = 8.dp))
}

@Composable
private fun Partner(partner: PartnerCpts, coordinator: Boolean, withdrawing: Boolean, onEvent: (PartnersEvent) -> Unit) {
    Card(Modifier.fillMaxWidth()) {
        Row(Modifier.padding(start = 12.dp, top = 12.dp, bottom = 12.dp, end = 4.dp), verticalAlignment = Alignment.CenterVertically) {
            Column(Modifier.weight(1f), verticalArrangement = Arrangement.spacedBy(2.dp)) {
                Text(partner.name.ifBlank { partner.spaceId }, style = MaterialTheme.typography.titleSmall)
                Text(stringResource(R.string.partners_coordinated_by, partner.coordinator.value), style = MaterialTheme.typography.bodySmall)
                Text(
                    stringResource(if (partner.agreed) R.string.partners_agreed else R.string.partners_pending),
                    color = if (partner.agreed) MaterialTheme.colorScheme.primary else MaterialTheme.colorScheme.tertiary,
                    style = MaterialTheme.typography.labelLarge,
                )
            }
            if (coordinator) {
                TextButton(onClick = { onEvent(PartnersEvent.Withdraw(partner)) }, enabled = !withdrawing) {
                    Text(stringResource(R.string.partners_withdraw))
                }
            }
        }
    }
}

@Composable
private fun DeclareForm(state: PartnersState, onEvent: (PartnersEvent) -> Unit) {
    val draft = state.draft
    val change = { next: PartnerDraft -> onEvent(PartnersEvent.DraftChanged(next)) }
    Column(Modifier.padding(bottom = 16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Heading(stringResource(R.string.partners_declare_heading))
        Text(stringResource(R.string.partners_declare_hint), style = MaterialTheme.typography.bodySmall)
        Field(stringResource(R.string.partners_space_id), draft.spaceId) { change(draft.copy(spaceId = it)) }
        Field(stringResource(R.string.partners_coordinator), draft.coordinator) { change(draft.copy(coordinator = it)) }
        state.declareError?.let { Text(errorMessage(it.declarePartnerText()), color = MaterialTheme.colorScheme.error) }
        state.declared?.let {
            val name = it.name.ifBlank { it.spaceId }
            Text(stringResource(if (it.agreed) R.string.partners_declared_agreed else R.string.partners_declared_pending, name))
        }
        Button(onClick = { onEvent(PartnersEvent.Declare) }, enabled = draft.complete && !state.declaring) {
            Text(stringResource(R.string.partners_declare))
        }
    }
}

/** A field with its label above it: the labels are too long to float in the field's border. */
@Composable
private fun Field(label: String, value: String, onChange: (String) -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(label, style = MaterialTheme.typography.labelLarge)
        OutlinedTextField(value, onChange, Modifier.fillMaxWidth(), singleLine = true)
    }
}

@Composable
private fun WithdrawalDialog(withdrawal: Withdrawal, withdrawing: Boolean, onEvent: (PartnersEvent) -> Unit) {
    val partner = withdrawal.partner
    AlertDialog(
        onDismissRequest = { onEvent(PartnersEvent.CancelWithdraw) },
        title = { Text(stringResource(R.string.partners_withdraw_title)) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(stringResource(R.string.partners_withdraw_text, partner.name.ifBlank { partner.spaceId }))
                withdrawal.error?.let { Text(errorMessage(it.partnerText()), color = MaterialTheme.colorScheme.error) }
            }
        },
        confirmButton = {
            Button(onClick = { onEvent(PartnersEvent.ConfirmWithdraw) }, enabled = !withdrawing) { Text(stringResource(R.string.partners_withdraw_confirm)) }
        },
        dismissButton = { TextButton(onClick = { onEvent(PartnersEvent.CancelWithdraw) }) { Text(stringResource(R.string.cancel)) } },
    )
}
