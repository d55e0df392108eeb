package fr.innomed.android.features.case

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import fr.innomed.android.ui.R

/**
 * On the specialist who took the request, when the GP asked to be called back: "Rappeler le 06 12
 * 34 56 78". A tap opens the phone's dialer with the number (the app does it) and records the
 * call in the case; the number stays readable on the button for a call from another phone.
 */
@Composable
fun CallBackButton(callBack: CaseCallBackState, onEvent: (CaseEvent) -> Unit, modifier: Modifier = Modifier) {
    val number = callBack.number ?: return
    OutlinedButton(
        onClick = { onEvent(CaseCallBackEvent.Call) },
        enabled = !callBack.recording,
        modifier = modifier.fillMaxWidth(),
    ) {
        Text(stringResource(R.string.case_call_back, number.display))
    }
}
