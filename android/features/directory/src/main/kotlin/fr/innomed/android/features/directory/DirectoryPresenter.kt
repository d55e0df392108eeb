package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.architecture.Presenter
import java.text.Collator
import java.util.Locale
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * The CPTS directory: search by specialty and part of a name, and who is on duty now. A new
 * search replaces the running one; typing waits [typingPauseMillis] before searching.
 */
class DirectoryPresenter(
    private val scope: CoroutineScope,
    private val directory: DirectoryService,
    initialSpecialty: String? = null,
    private val typingPauseMillis: Long = 300,
) : Presenter<DirectoryState, DirectoryEvent> {
    private val mutableState = MutableStateFlow(
        DirectoryState(specialties = directory.specialties(), specialty = initialSpecialty),
    )
    override val state: StateFlow<DirectoryState> = mutableState.asStateFlow()
    private var search: Job? = null
    private val collator = Collator.getInstance(Locale.FRENCH)

    init {
        search(pause = 0)
    }

    override fun onEvent(event: DirectoryEvent) {
        when (event) {
            is DirectoryEvent.SpecialtySelected -> {
                if (event.code != null && mutableState.value.specialties.none { it.code == event.code }) return
                mutableState.update { it.copy(specialty = event.code) }
                search(pause = 0)
            }
            is DirectoryEvent.QueryChanged -> {
                mutableState.update { it.copy(query = event.text) }
                search(pause = typingPauseMillis)
            }
            is DirectoryEvent.Pick -> mutableState.update { it.copy(picked = event.entry) }
            DirectoryEvent.PickHandled -> mutableState.update { it.copy(picked = null) }
            DirectoryEvent.Retry -> search(pause = 0)
        }
    }

    private fun search(pause: Long) {
        search?.cancel()
        val specialty = mutableState.value.specialty
        val query = mutableState.value.query.trim().takeIf { it.isNotEmpty() }
        mutableState.update { it.copy(searching = true, error = null) }
        search = scope.launch {
            if (pause > 0) delay(pause)
            val results = directory.search(specialty, query)
            val onDuty = specialty?.let { directory.onDutyNow(it) } ?: Outcome.Success(emptyList())
            mutableState.update { state ->
                when {
                    results is Outcome.Failure -> state.copy(searching = false, error = results.error)
                    onDuty is Outcome.Failure -> state.copy(searching = false, error = onDuty.error)
                    else -> state.copy(
                        searching = false,
                        results = (results as Outcome.Success).value.sortedWith(compareBy(collator) { it.displayName }),
                        onDuty = (onDuty as Outcome.Success).value,
                    )
                }
            }
        }
    }
}
