package fr.innomed.android.features.case

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.requests.NextStepState
import fr.innomed.android.ui.R
import java.text.DateFormat
import java.util.Date

/**
 * On the requesting GP's request: the next step of its routing, as the core planned it ("Relance
 * prévue le 23/11/2026 à 14:00 vers Dr Bruno Derme"), gone out, or cancelled once the request was
 * taken; "le coordinateur seulement" when nobody else is on duty.
 */
@Composable
fun NextStepBanner(card: NextStepCard?, modifier: Modifier = Modifier) {
    if (card == null) return
    val at = Date(card.atMillis)
    val day = DateFormat.getDateInstance(DateFormat.SHORT).format(at)
    val time = DateFormat.getTimeInstance(DateFormat.SHORT).format(at)
    val whom = if (card.specialists.isEmpty()) stringResource(R.string.next_step_coordinator_only) else card.specialists.joinToString(", ")
    val text = when (card.state) {
        NextStepState.PLANNED -> stringResource(R.string.next_step_planned, day, time, whom)
        NextStepState.SENT -> stringResource(R.string.next_step_sent, whom, day, time)
        NextStepState.CANCELLED -> stringResource(R.string.next_step_cancelled)
    }
    Card(
        colors = CardDefaults.cardColors(
            containerColor = MaterialTheme.colorScheme.tertiaryContainer,
            contentColor = MaterialTheme.colorScheme.onTertiaryContainer,
        ),
        modifier = modifier.fillMaxWidth(),
    ) {
        Text(text, Modifier.padding(12.dp), style = MaterialTheme.typography.bodyMedium)
    }
}
