package fr.innomed.android.features.settings

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

/**
 * The account, this phone's trust, links to the trust screens ([onRecovery],
 * [onVerifyThisDevice]) and to the CPTS screen ([onMembership]: navigation), and signing out.
 */
@Composable
fun SettingsView(
    state: SettingsState,
    onEvent: (SettingsEvent) -> Unit,
    onRecovery: () -> Unit,
    onVerifyThisDevice: () -> Unit,
    onMembership: () -> Unit,
) {
    InnomedScreen(title = stringResource(R.string.settings_title)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
            Text(stringResource(R.string.settings_signed_in_as, state.userId.value))
            state.deviceId?.let { Text(stringResource(R.string.settings_device, it.value), style = MaterialTheme.typography.bodySmall) }
            when (state.deviceVerified) {
                true -> Text(stringResource(R.string.settings_phone_verified))
                false -> Text(stringResource(R.string.settings_phone_not_verified), color = MaterialTheme.colorScheme.error)
                null -> Unit
            }
            OutlinedButton(onClick = onRecovery, modifier = Modifier.fillMaxWidth()) {
                Text(stringResource(R.string.recovery_title))
            }
            OutlinedButton(onClick = onVerifyThisDevice, modifier = Modifier.fillMaxWidth()) {
                Text(stringResource(R.string.settings_verify_device))
            }
            OutlinedButton(onClick = onMembership, modifier = Modifier.fillMaxWidth()) {
                Text(stringResource(R.string.membership_title))
            }
            Text(stringResource(R.string.settings_sign_out_warning))
            if (state.noRecoveryKey) {
                Text(stringResource(R.string.settings_no_recovery_key), color = MaterialTheme.colorScheme.error)
            }
            Button(
                onClick = { onEvent(SettingsEvent.SignOut) },
                enabled = state.canSignOut,
                modifier = Modifier.fillMaxWidth(),
            ) {
                Text(stringResource(R.string.settings_sign_out))
            }
            if (state.signOutResult == SignOutResult.FAILED) {
                Text(stringResource(R.string.settings_sign_out_failed), color = MaterialTheme.colorScheme.error)
            }
        }
    }
}
