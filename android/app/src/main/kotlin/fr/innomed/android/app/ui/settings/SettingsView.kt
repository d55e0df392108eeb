package fr.innomed.android.app.ui.settings

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.session.SignOutResult
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R

/** Settings has no presenter: the account, links to the trust screens, and signing out. */
data class SettingsState(
    val userId: String,
    val signingOut: Boolean = false,
    val signOutResult: SignOutResult? = null,
)

sealed interface SettingsEvent {
    data object Recovery : SettingsEvent

    data object VerifyThisDevice : SettingsEvent

    data object SignOut : SettingsEvent
}

@Composable
fun SettingsView(state: SettingsState, onEvent: (SettingsEvent) -> Unit) {
    InnomedScreen(title = stringResource(R.string.settings_title)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
            Text(stringResource(R.string.settings_signed_in_as, state.userId))
            OutlinedButton(onClick = { onEvent(SettingsEvent.Recovery) }, modifier = Modifier.fillMaxWidth()) {
                Text(stringResource(R.string.recovery_title))
            }
            OutlinedButton(onClick = { onEvent(SettingsEvent.VerifyThisDevice) }, modifier = Modifier.fillMaxWidth()) {
                Text(stringResource(R.string.settings_verify_device))
            }
            Text(stringResource(R.string.settings_sign_out_warning))
            Button(onClick = { onEvent(SettingsEvent.SignOut) }, enabled = !state.signingOut, modifier = Modifier.fillMaxWidth()) {
                Text(stringResource(R.string.settings_sign_out))
            }
            if (state.signOutResult == SignOutResult.FAILED) {
                Text(stringResource(R.string.settings_sign_out_failed), color = MaterialTheme.colorScheme.error)
            }
        }
    }
}
