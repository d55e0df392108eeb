// STUB (type-check only): androidx.activity:activity-compose 1.11's launcher, same signature.
package androidx.activity.compose

import androidx.activity.result.contract.ActivityResultContract
import androidx.compose.runtime.Composable

abstract class ActivityResultLauncher<I> {
    fun launch(input: I): Unit = throw UnsupportedOperationException("uicheck stub")
}

class ManagedActivityResultLauncher<I, O> internal constructor() : ActivityResultLauncher<I>()

@Composable
fun <I, O> rememberLauncherForActivityResult(
    contract: ActivityResultContract<I, O>,
    onResult: (O) -> Unit,
): ManagedActivityResultLauncher<I, O> = throw UnsupportedOperationException("uicheck stub")
