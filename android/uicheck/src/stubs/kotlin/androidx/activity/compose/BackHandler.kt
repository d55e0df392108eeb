// STUB (type-check only): androidx.activity:activity-compose 1.11's BackHandler, same signature.
package androidx.activity.compose

import androidx.compose.runtime.Composable

@Composable
fun BackHandler(enabled: Boolean = true, onBack: () -> Unit): Unit =
    throw UnsupportedOperationException("uicheck stub: type-check only")
