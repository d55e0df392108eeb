package fr.innomed.android.features.directory

import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.Specialty

data class DirectoryState(
    val specialties: List<Specialty> = emptyList(),
    /** Null: every specialty. */
    val specialty: String? = null,
    val query: String = "",
    val results: List<MemberEntry> = emptyList(),
    /** Who is on duty now for [specialty] (empty without a specialty). */
    val onDuty: List<MemberEntry> = emptyList(),
    val searching: Boolean = false,
    val error: DirectoryError? = null,
    /** The specialist the doctor picked (for a request, or to open a case with). */
    val picked: MemberEntry? = null,
) {
    /** Nobody on duty now for the chosen specialty: the results are the colleagues to ask. */
    val nobodyOnDuty: Boolean get() = specialty != null && !searching && error == null && onDuty.isEmpty()
}

sealed interface DirectoryEvent {
    data class SpecialtySelected(val code: String?) : DirectoryEvent

    data class QueryChanged(val text: String) : DirectoryEvent

    data class Pick(val entry: MemberEntry) : DirectoryEvent

    /** The view used [DirectoryState.picked]. */
    data object PickHandled : DirectoryEvent

    data object Retry : DirectoryEvent
}
