package fr.innomed.android.features.verification

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringArrayResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.ui.InnomedScreen
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.text

/**
 * Verification: a colleague's device to choose when they use several, the request, then the
 * seven emojis to compare with the other screen. A colleague is named as the case named them.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun VerificationView(state: VerificationScreenState, onEvent: (VerificationEvent) -> Unit, onDone: () -> Unit) {
    InnomedScreen(title = stringResource(R.string.verification_title)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(16.dp)) {
            val other = state.otherName ?: state.otherUser?.value
            other?.let {
                Text(if (state.isSelfVerification) stringResource(R.string.verification_self) else stringResource(R.string.verification_other, it))
            }
            when (val phase = state.phase) {
                VerificationPhase.Starting, VerificationPhase.ExchangingKeys -> Text(stringResource(R.string.verification_working))
                is VerificationPhase.ChooseDevice -> {
                    Text(stringResource(R.string.verification_choose_device, other.orEmpty()))
                    phase.devices.forEachIndexed { i, device ->
                        OutlinedButton(onClick = { onEvent(VerificationEvent.PickDevice(device)) }) {
                            Text(stringResource(R.string.verification_device, i + 1, device.value))
                        }
                    }
                }
                VerificationPhase.NoDevice -> Text(stringResource(R.string.verification_no_device, other.orEmpty()))
                VerificationPhase.WaitingForRequest -> Text(stringResource(R.string.verification_waiting_request))
                VerificationPhase.NoRequest -> Text(stringResource(R.string.verification_no_request))
                VerificationPhase.Requested -> Text(stringResource(R.string.verification_requested))
                VerificationPhase.Ready -> Text(stringResource(R.string.verification_ready))
                is VerificationPhase.CompareEmojis -> {
                    Text(stringResource(R.string.verification_compare))
                    // The spec's 64 names in the screen's language, by each emoji's place in the table.
                    val names = stringArrayResource(R.array.sas_emoji_names)
                    FlowRow(horizontalArrangement = Arrangement.spacedBy(12.dp)) {
                        phase.emojis.forEach { emoji ->
                            Column(horizontalAlignment = Alignment.CenterHorizontally) {
                                Text(emoji.symbol, style = MaterialTheme.typography.displaySmall)
                                Text(names.getOrNull(emoji.index) ?: emoji.description, style = MaterialTheme.typography.labelSmall)
                            }
                        }
                    }
                }
                VerificationPhase.WaitingForOther -> Text(stringResource(R.string.verification_waiting_other))
                VerificationPhase.Verified -> Text(
                    if (state.otherName != null && !state.isSelfVerification) {
                        stringResource(R.string.verification_colleague_verified, state.otherName)
                    } else {
                        stringResource(R.string.verification_verified)
                    },
                )
                is VerificationPhase.Cancelled -> Text(stringResource(cancelled(phase.kind)), color = MaterialTheme.colorScheme.error)
                is VerificationPhase.Failed -> Text(errorMessage(phase.error.text()), color = MaterialTheme.colorScheme.error)
            }
            state.error?.let { Text(errorMessage(it.text()), color = MaterialTheme.colorScheme.error) }
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                if (state.canAccept) Button(onClick = { onEvent(VerificationEvent.Accept) }) { Text(stringResource(R.string.action_accept)) }
                if (state.canStartEmojis) Button(onClick = { onEvent(VerificationEvent.StartEmojis) }) { Text(stringResource(R.string.verification_start)) }
                if (state.canCompare) {
                    Button(onClick = { onEvent(VerificationEvent.Match) }) { Text(stringResource(R.string.verification_match)) }
                    OutlinedButton(onClick = { onEvent(VerificationEvent.NoMatch) }) { Text(stringResource(R.string.verification_no_match)) }
                }
                if (state.isFinished) {
                    Button(onClick = onDone) { Text(stringResource(R.string.ok)) }
                } else {
                    OutlinedButton(onClick = { onEvent(VerificationEvent.Cancel) }) { Text(stringResource(R.string.cancel)) }
                }
            }
        }
    }
}

private fun cancelled(kind: CancelKind): Int = when (kind) {
    CancelKind.MISMATCH -> R.string.verification_cancelled_mismatch
    CancelKind.BY_USER -> R.string.verification_cancelled_user
    CancelKind.TIMEOUT -> R.string.verification_cancelled_timeout
    CancelKind.OTHER -> R.string.verification_cancelled_other
}
