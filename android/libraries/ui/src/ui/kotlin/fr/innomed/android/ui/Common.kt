package fr.innomed.android.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.AssistChip
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.ui.res.stringResource
import fr.innomed.android.api.cases.Deadline
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.ui.R

/** A screen: a title bar with optional actions, and its content. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun InnomedScreen(
    title: String,
    actions: @Composable () -> Unit = {},
    content: @Composable ColumnScope.() -> Unit,
) {
    Scaffold(topBar = { TopAppBar(title = { Text(title, maxLines = 1, overflow = TextOverflow.Ellipsis) }, actions = { actions() }) }) { padding ->
        Column(Modifier.fillMaxSize().padding(padding), content = content)
    }
}

/** A presenter's error, until the doctor dismisses it. */
@Composable
fun ErrorDialog(error: ErrorText?, onDismiss: () -> Unit) {
    if (error == null) return
    AlertDialog(
        onDismissRequest = onDismiss,
        confirmButton = { TextButton(onClick = onDismiss) { Text(stringResource(R.string.ok)) } },
        text = { Text(errorMessage(error)) },
    )
}

/** A request's deadline as the core says it stands: a chip when overdue or due soon, nothing otherwise. */
@Composable
fun DeadlineChip(deadline: Deadline?) {
    val text = deadline?.state?.badge() ?: return
    val colors = MaterialTheme.colorScheme
    val color = if (deadline.state == DeadlineState.OVERDUE) colors.error else colors.tertiary
    AssistChip(onClick = {}, label = { Text(stringResource(text), color = color) })
}
