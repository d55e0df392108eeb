// JVM STAND-IN: androidx.activity:activity-compose 1.11's BackHandler, same signature. A desktop
// scene has no back button: nothing to register, and the screen draws as on a phone.
package androidx.activity.compose

import androidx.compose.runtime.Composable

@Composable
@Suppress("UNUSED_PARAMETER")
fun BackHandler(enabled: Boolean = true, onBack: () -> Unit) = Unit
