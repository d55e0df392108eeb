// JVM STAND-IN. Android's androidx.compose.ui.res string, plural and string-array lookups, which
// the desktop ui artifact does not have. Same signatures as compose-ui 1.9 on Android; they read
// libraries/ui's res/values (French) or res/values-en, as the screen's LocalConfiguration locale
// says, through [AndroidStrings] — so the rendering tests draw the app's real words.
package androidx.compose.ui.res

import androidx.annotation.ArrayRes
import androidx.annotation.PluralsRes
import androidx.annotation.StringRes
import androidx.compose.runtime.Composable
import androidx.compose.runtime.ReadOnlyComposable
import androidx.compose.ui.platform.LocalConfiguration

@Composable
@ReadOnlyComposable
private fun strings(): AndroidStrings = AndroidStrings.of(LocalConfiguration.current.locales[0])

@Composable
@ReadOnlyComposable
fun stringResource(@StringRes id: Int): String = strings().string(id)

@Composable
@ReadOnlyComposable
fun stringResource(@StringRes id: Int, vararg formatArgs: Any): String = strings().string(id, *formatArgs)

@Composable
@ReadOnlyComposable
fun pluralStringResource(@PluralsRes id: Int, count: Int): String = strings().plural(id, count)

@Composable
@ReadOnlyComposable
fun pluralStringResource(@PluralsRes id: Int, count: Int, vararg formatArgs: Any): String =
    strings().plural(id, count, *formatArgs)

@Composable
@ReadOnlyComposable
fun stringArrayResource(@ArrayRes id: Int): Array<String> = strings().array(id)
