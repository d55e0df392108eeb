package fr.innomed.android.architecture

import kotlinx.coroutines.flow.StateFlow

/**
 * The shape of every screen's presenter, in one place.
 *
 * - A presenter is a plain Kotlin class built with the [kotlinx.coroutines.CoroutineScope] of
 *   its screen (in the app, the `viewModelScope` of the ViewModel that keeps it across
 *   rotations; in a test, `backgroundScope`) and the API services it needs
 *   (`fr.innomed.android.api`, never the generated `fr.innomed.sdk`).
 * - [state] is the whole screen as one immutable `data class` (`FooState`): the view draws it
 *   and nothing else. It exposes kinds (enums, sealed types of the API), never user-facing
 *   text: the strings come from Android resources, in French and English.
 * - The view sends what the doctor does as `FooEvent` (a sealed interface) to [onEvent]. It
 *   returns at once; work runs in the presenter's scope and shows up in [state].
 * - Something the view must do once (navigate to a case, leave the screen) is a field of the
 *   state (`openedCase`), which the view clears with an event after acting on it.
 *
 * A Compose view reads it as `val state by presenter.state.collectAsState()` and passes
 * `presenter::onEvent` down.
 */
interface Presenter<State, Event> {
    val state: StateFlow<State>

    fun onEvent(event: Event)
}
