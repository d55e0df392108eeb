// STUB (type-check only). Android's LocalConfiguration and LocalContext (compose-ui, android
// source set), which the desktop artifact does not have.
package androidx.compose.ui.platform

import android.content.Context
import android.content.res.Configuration
import androidx.compose.runtime.ProvidableCompositionLocal
import androidx.compose.runtime.staticCompositionLocalOf

val LocalConfiguration: ProvidableCompositionLocal<Configuration> =
    staticCompositionLocalOf { throw UnsupportedOperationException("uicheck stub: type-check only") }

val LocalContext: ProvidableCompositionLocal<Context> =
    staticCompositionLocalOf { throw UnsupportedOperationException("uicheck stub: type-check only") }
