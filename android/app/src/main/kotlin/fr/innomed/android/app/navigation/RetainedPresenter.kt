package fr.innomed.android.app.navigation

import androidx.compose.runtime.Composable
import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import androidx.lifecycle.viewmodel.initializer
import androidx.lifecycle.viewmodel.viewModelFactory
import kotlinx.coroutines.CoroutineScope

/**
 * Holds one presenter of a destination across configuration changes (rotation, language,
 * dark mode, window resizing): its scope is the ViewModel's, so its work and state survive,
 * and it ends when the destination leaves the back stack (its ViewModelStore is cleared).
 */
internal class PresenterViewModel<P : Any>(create: (CoroutineScope) -> P) : ViewModel() {
    val presenter: P = create(viewModelScope)
}

/**
 * The presenter of the current destination (its NavBackStackEntry is the ViewModelStoreOwner),
 * built by [create] the first time only: later calls, after a rotation, return the same one.
 */
@Composable
internal inline fun <reified P : Any> retainedPresenter(noinline create: (CoroutineScope) -> P): P {
    val holder: PresenterViewModel<P> = viewModel(
        key = P::class.java.name,
        factory = viewModelFactory { initializer { PresenterViewModel(create) } },
    )
    return holder.presenter
}
