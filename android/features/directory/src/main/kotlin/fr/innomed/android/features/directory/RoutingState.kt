package fr.innomed.android.features.directory

import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RoutingWindows
import fr.innomed.android.api.requests.UnansweredRequest
import fr.innomed.android.api.directory.Specialty

/** A window as typed: whole hours and minutes. */
data class WindowDraft(val hours: String = "", val minutes: String = "") {
    /** In milliseconds; null while a field is not a whole number (an empty one is 0; both empty: null). */
    val millis: Long?
        get() {
            if (hours.isBlank() && minutes.isBlank()) return null
            val h = hours.trim().ifEmpty { "0" }.takeIf { it.all(Char::isDigit) && it.length <= 5 }?.toLong() ?: return null
            val m = minutes.trim().ifEmpty { "0" }.takeIf { it.all(Char::isDigit) && it.length <= 5 }?.toLong() ?: return null
            return (h * 60 + m) * 60_000
        }

    companion object {
        /** The core's window, in whole hours and minutes (seconds dropped). */
        fun of(millis: Long): WindowDraft = (millis / 60_000).let { WindowDraft((it / 60).toString(), (it % 60).toString()) }
    }
}

/** The coordinator's three windows as typed; [error]: the core's refusal, kept with what was typed. */
data class WindowsDraft(
    val urgent: WindowDraft,
    val soon: WindowDraft,
    val routine: WindowDraft,
    /** Submitted with a field that is not a whole number of hours or minutes. */
    val invalid: Boolean = false,
    val error: RequestError? = null,
) {
    val windows: RoutingWindows?
        get() {
            return RoutingWindows(urgent.millis ?: return null, soon.millis ?: return null, routine.millis ?: return null)
        }

    companion object {
        fun of(windows: RoutingWindows) = WindowsDraft(WindowDraft.of(windows.urgentMillis), WindowDraft.of(windows.soonMillis), WindowDraft.of(windows.routineMillis))
    }
}

/** An unanswered request, with the requesting GP and whom it went to next named from the directory. */
data class UnansweredLine(val request: UnansweredRequest, val requester: String, val next: List<String>)

data class RoutingState(
    val specialties: List<Specialty> = emptyList(),
    /** Whether the core says the doctor coordinates the CPTS; null until read. */
    val isCoordinator: Boolean? = null,
    val loading: Boolean = true,
    /** The CPTS's windows, as the core gives them; null until read. */
    val windows: RoutingWindows? = null,
    /** The requests nobody took within their window, newest first (the core's order). */
    val unanswered: List<UnansweredLine> = emptyList(),
    /** The windows' dialog, while open. */
    val draft: WindowsDraft? = null,
    val saving: Boolean = false,
    /** A failed read of the windows or the requests (with "Réessayer"). */
    val error: RequestError? = null,
    /** Whether the doctor coordinates could not be read (with "Réessayer"). */
    val coordinatorError: DirectoryError? = null,
)

sealed interface RoutingEvent {
    data object Retry : RoutingEvent

    data object OpenWindows : RoutingEvent

    data class DraftChanged(val draft: WindowsDraft) : RoutingEvent

    data object SaveWindows : RoutingEvent

    data object CloseWindows : RoutingEvent

    data object DismissError : RoutingEvent
}
