package fr.innomed.android.features.membership

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.text.selection.SelectionContainer
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.cpts.CptsInfo
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.text

/** A doctor in no CPTS creates one and becomes its coordinator; the core's refusal shows under the name. */
@Composable
fun CreateCptsForm(state: MembershipState, onEvent: (MembershipEvent) -> Unit) {
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Text(stringResource(R.string.membership_create_title), style = MaterialTheme.typography.titleMedium)
        Text(stringResource(R.string.membership_create_hint))
        OutlinedTextField(
            value = state.cptsName,
            onValueChange = { onEvent(MembershipEvent.CptsNameChanged(it)) },
            label = { Text(stringResource(R.string.membership_cpts_name)) },
            isError = state.createError != null,
            singleLine = true,
            modifier = Modifier.fillMaxWidth(),
        )
        state.createError?.let { Text(errorMessage(it.text()), color = MaterialTheme.colorScheme.error) }
        Button(onClick = { onEvent(MembershipEvent.CreateCpts) }, enabled = state.canCreate, modifier = Modifier.fillMaxWidth()) {
            if (state.creating) CircularProgressIndicator() else Text(stringResource(R.string.membership_create))
        }
    }
}

/** The CPTS the doctor just created: its id, to give (and copy) to whoever asks to join. */
@Composable
fun CreatedCpts(created: CptsInfo) {
    Column(Modifier.padding(horizontal = 16.dp, vertical = 8.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(stringResource(R.string.membership_created, created.name))
        SelectionContainer { Text(created.spaceId, style = MaterialTheme.typography.titleSmall) }
    }
}
