package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.requests.RequestService
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * The coordinator's follow-up of requests (only when the core says the doctor coordinates the
 * CPTS; nothing else is asked otherwise): the requests nobody took within their window, newest
 * first, with the requesting GP and whom each went to next named from the directory; and the
 * three routing windows, changed in hours and minutes. Every bound of a window is the core's to
 * check; its refusal stays in the dialog with what was typed.
 */
class RoutingPresenter(
    private val scope: CoroutineScope,
    private val directory: DirectoryService,
    private val requests: RequestService,
) : Presenter<RoutingState, RoutingEvent> {
    private val mutableState = MutableStateFlow(RoutingState(specialties = directory.specialties()))
    override val state: StateFlow<RoutingState> = mutableState.asStateFlow()

    init {
        scope.launch { load() }
    }

    override fun onEvent(event: RoutingEvent) {
        when (event) {
            RoutingEvent.Retry -> scope.launch { load() }
            RoutingEvent.OpenWindows -> mutableState.update { s -> s.windows?.let { s.copy(draft = WindowsDraft.of(it)) } ?: s }
            is RoutingEvent.DraftChanged -> mutableState.update { it.copy(draft = event.draft.copy(invalid = false, error = null)) }
            RoutingEvent.CloseWindows -> mutableState.update { if (it.saving) it else it.copy(draft = null) }
            RoutingEvent.SaveWindows -> save()
            RoutingEvent.DismissError -> mutableState.update { it.copy(error = null, coordinatorError = null) }
        }
    }

    private suspend fun load() {
        mutableState.update { it.copy(loading = true, error = null, coordinatorError = null) }
        val coordinator = when (val found = directory.isCoordinator()) {
            is Outcome.Success -> found.value
            is Outcome.Failure -> {
                mutableState.update { it.copy(loading = false, coordinatorError = found.error) }
                return
            }
        }
        if (!coordinator) {
            mutableState.update { it.copy(isCoordinator = false, loading = false) }
            return
        }
        val windows = requests.routingWindows()
        val unanswered = requests.unansweredRequests()
        val names = (directory.search(null, null) as? Outcome.Success)?.value.orEmpty().associate { it.userId to it.displayName }
        fun name(user: UserId) = names[user] ?: user.value
        mutableState.update { s ->
            s.copy(
                isCoordinator = true,
                loading = false,
                windows = (windows as? Outcome.Success)?.value ?: s.windows,
                unanswered = (unanswered as? Outcome.Success)?.value
                    ?.map { UnansweredLine(it, name(it.requester), it.next.map(::name)) } ?: s.unanswered,
                error = (windows as? Outcome.Failure)?.error ?: (unanswered as? Outcome.Failure)?.error,
            )
        }
    }

    private fun save() {
        val current = mutableState.value
        val draft = current.draft ?: return
        if (current.saving) return
        val windows = draft.windows
        if (windows == null) {
            mutableState.update { it.copy(draft = draft.copy(invalid = true)) }
            return
        }
        mutableState.update { it.copy(saving = true) }
        scope.launch {
            when (val done = requests.setRoutingWindows(windows)) {
                is Outcome.Success -> {
                    mutableState.update { it.copy(saving = false, draft = null, windows = windows) }
                    load()
                }
                is Outcome.Failure -> mutableState.update { it.copy(saving = false, draft = it.draft?.copy(error = done.error)) }
            }
        }
    }
}
