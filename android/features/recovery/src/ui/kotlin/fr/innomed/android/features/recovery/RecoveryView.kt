package fr.innomed.android.features.recovery

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.Secret
import fr.innomed.android.api.trust.RecoveryStatus
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.text

/** The recovery key: create it (shown once), or enter it on a new phone. */
@Composable
fun RecoveryView(state: RecoveryScreenState, onEvent: (RecoveryEvent) -> Unit, onVerifyWithDevice: () -> Unit) {
    InnomedScreen(title = stringResource(R.string.recovery_title)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
            val newKey = state.newKey
            when {
                newKey != null -> {
                    Text(stringResource(R.string.recovery_new_key_intro))
                    Text(newKey.value, fontFamily = FontFamily.Monospace, style = MaterialTheme.typography.titleMedium)
                    Button(onClick = { onEvent(RecoveryEvent.NewKeySaved) }) { Text(stringResource(R.string.recovery_saved)) }
                }
                state.recovered -> Text(stringResource(R.string.recovery_recovered))
                state.recovery == RecoveryStatus.UNKNOWN -> Text(stringResource(R.string.recovery_checking))
                state.recovery == RecoveryStatus.ENABLED -> Text(stringResource(R.string.recovery_enabled))
                state.recovery == RecoveryStatus.DISABLED -> {
                    Text(stringResource(R.string.recovery_disabled))
                    Button(onClick = { onEvent(RecoveryEvent.Enable) }, enabled = state.canEnable) { Text(stringResource(R.string.recovery_enable)) }
                }
                state.recovery == RecoveryStatus.INCOMPLETE -> {
                    Text(stringResource(R.string.recovery_enter_intro))
                    OutlinedTextField(
                        value = state.keyInput.value,
                        onValueChange = { onEvent(RecoveryEvent.KeyChanged(Secret(it))) },
                        label = { Text(stringResource(R.string.recovery_key)) },
                        isError = state.keyMissing,
                        visualTransformation = PasswordVisualTransformation(),
                        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Password),
                        modifier = Modifier.fillMaxWidth(),
                    )
                    Button(onClick = { onEvent(RecoveryEvent.SubmitKey) }, enabled = state.canSubmitKey) { Text(stringResource(R.string.recovery_submit)) }
                    Button(onClick = onVerifyWithDevice) { Text(stringResource(R.string.settings_verify_device)) }
                }
            }
            state.error?.let { Text(errorMessage(it.text()), color = MaterialTheme.colorScheme.error) }
        }
    }
}
