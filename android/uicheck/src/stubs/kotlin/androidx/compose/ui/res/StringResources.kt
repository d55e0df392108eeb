// STUB (type-check only). Android's androidx.compose.ui.res string, plural and string-array
// lookups, which the desktop ui artifact does not have. Same signatures as compose-ui 1.9 on
// Android; the bodies never run.
package androidx.compose.ui.res

import androidx.annotation.ArrayRes
import androidx.annotation.PluralsRes
import androidx.annotation.StringRes
import androidx.compose.runtime.Composable
import androidx.compose.runtime.ReadOnlyComposable

@Composable
@ReadOnlyComposable
fun stringResource(@StringRes id: Int): String = stub()

@Composable
@ReadOnlyComposable
fun stringResource(@StringRes id: Int, vararg formatArgs: Any): String = stub()

@Composable
@ReadOnlyComposable
fun pluralStringResource(@PluralsRes id: Int, count: Int): String = stub()

@Composable
@ReadOnlyComposable
fun pluralStringResource(@PluralsRes id: Int, count: Int, vararg formatArgs: Any): String = stub()

@Composable
@ReadOnlyComposable
fun stringArrayResource(@ArrayRes id: Int): Array<String> = stub()

private fun stub(): Nothing = throw UnsupportedOperationException("uicheck stub: type-check only")
