// Android's LocalConfiguration and LocalContext (compose-ui, android source set), which the
// desktop artifact does not have. LocalConfiguration is a JVM STAND-IN: French by default, as a
// phone set to French; the rendering tests provide an English one. LocalContext stays a STUB
// (type-check only).
package androidx.compose.ui.platform

import android.content.Context
import android.content.res.Configuration
import androidx.compose.runtime.ProvidableCompositionLocal
import androidx.compose.runtime.staticCompositionLocalOf

val LocalConfiguration: ProvidableCompositionLocal<Configuration> =
    staticCompositionLocalOf { Configuration() }

val LocalContext: ProvidableCompositionLocal<Context> =
    staticCompositionLocalOf { throw UnsupportedOperationException("uicheck stub: type-check only") }
