package fr.innomed.android.features.signin

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.Secret
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.text

/**
 * Pro Santé Connect first (the page opens in the platform's authentication session, by the app:
 * [SignInState.pscPage]); the password sign-in below it is for development.
 */
@Composable
fun SignInView(state: SignInState, onEvent: (SignInEvent) -> Unit) {
    InnomedScreen(title = stringResource(R.string.signin_title)) {
        Column(Modifier.padding(16.dp).verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(12.dp)) {
            OutlinedTextField(
                value = state.homeserverUrl,
                onValueChange = { onEvent(SignInEvent.HomeserverChanged(it)) },
                label = { Text(stringResource(R.string.signin_homeserver)) },
                isError = SignInField.HOMESERVER in state.invalidFields,
                keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Uri),
                singleLine = true,
                modifier = Modifier.fillMaxWidth(),
            )
            Button(
                onClick = { onEvent(SignInEvent.SignInWithPsc) },
                enabled = state.canSignInWithPsc,
                modifier = Modifier.fillMaxWidth(),
            ) {
                Text(stringResource(R.string.signin_psc))
            }
            if (state.awaitingPsc) {
                Text(stringResource(R.string.signin_psc_waiting))
                OutlinedButton(onClick = { onEvent(SignInEvent.CancelPsc) }, modifier = Modifier.fillMaxWidth()) {
                    Text(stringResource(R.string.cancel))
                }
            }
            state.error?.let { Text(errorMessage(it.text()), color = MaterialTheme.colorScheme.error) }
            if (state.submitting) CircularProgressIndicator()
            HorizontalDivider()
            Text(stringResource(R.string.signin_password_section), style = MaterialTheme.typography.titleSmall)
            OutlinedTextField(
                value = state.userId,
                onValueChange = { onEvent(SignInEvent.UserIdChanged(it)) },
                label = { Text(stringResource(R.string.signin_user_id)) },
                placeholder = { Text("@dr.martin:cpts.fr") },
                isError = SignInField.USER_ID in state.invalidFields,
                singleLine = true,
                modifier = Modifier.fillMaxWidth(),
            )
            OutlinedTextField(
                value = state.password.value,
                onValueChange = { onEvent(SignInEvent.PasswordChanged(Secret(it))) },
                label = { Text(stringResource(R.string.signin_password)) },
                isError = SignInField.PASSWORD in state.invalidFields,
                visualTransformation = PasswordVisualTransformation(),
                keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Password),
                singleLine = true,
                modifier = Modifier.fillMaxWidth(),
            )
            OutlinedButton(
                onClick = { onEvent(SignInEvent.Submit) },
                enabled = state.canSubmit,
                modifier = Modifier.fillMaxWidth(),
            ) {
                Text(stringResource(R.string.signin_submit))
            }
        }
    }
}
