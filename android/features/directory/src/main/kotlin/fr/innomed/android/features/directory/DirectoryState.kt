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
    /** The core says the doctor coordinates the CPTS: a member's card offers to correct their entry. */
    val isCoordinator: Boolean = false,
    /** The coordinator's correction of an entry, while its dialog is open. */
    val edit: EntryDraft? = null,
    /** The entry the last correction wrote, as the core gave it back. */
    val edited: MemberEntry? = null,
) {
    /** Nobody on duty now for the chosen specialty: the results are the colleagues to ask. */
    val nobodyOnDuty: Boolean get() = specialty != null && !searching && error == null && onDuty.isEmpty()
}

/**
 * A directory entry as the coordinator corrects it: the name, the specialties (codes of the fixed
 * list), retired or not. The RPPS number and the profession are not editable. [error]: the core's
 * refusal of the last save; what was typed stays.
 */
data class EntryDraft(
    val entry: MemberEntry,
    val displayName: String = entry.displayName,
    val specialties: Set<String> = entry.specialties.toSet(),
    val retired: Boolean = entry.retired,
    val saving: Boolean = false,
    val error: DirectoryError? = null,
) {
    /** An empty name waits; whatever else is wrong is the core's to say. */
    val canSave: Boolean get() = !saving && displayName.isNotBlank()
}

sealed interface DirectoryEvent {
    data class SpecialtySelected(val code: String?) : DirectoryEvent

    data class QueryChanged(val text: String) : DirectoryEvent

    data class Pick(val entry: MemberEntry) : DirectoryEvent

    /** The view used [DirectoryState.picked]. */
    data object PickHandled : DirectoryEvent

    data object Retry : DirectoryEvent

    /** The coordinator opens the correction of [entry] (offered only when the core says they coordinate). */
    data class StartEdit(val entry: MemberEntry) : DirectoryEvent

    data class EditNameChanged(val text: String) : DirectoryEvent

    data class EditSpecialtyToggled(val code: String) : DirectoryEvent

    data class EditRetiredChanged(val retired: Boolean) : DirectoryEvent

    data object SaveEdit : DirectoryEvent

    data object CancelEdit : DirectoryEvent
}
