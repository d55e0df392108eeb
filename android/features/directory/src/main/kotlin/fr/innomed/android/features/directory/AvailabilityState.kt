package fr.innomed.android.features.directory

import fr.innomed.android.api.directory.Absence
import fr.innomed.android.api.directory.Availability
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.Permanence
import fr.innomed.android.api.directory.Specialty

/**
 * A new absence as typed: days as the doctor writes them (`23/11/2026`). [error]: the core's
 * refusal of the last save; what was typed stays.
 */
data class AbsenceDraft(
    val firstDay: String = "",
    val lastDay: String = "",
    val error: DirectoryError? = null,
) {
    /** Empty days wait; whatever else is wrong is the core's to say. */
    val canSave: Boolean get() = firstDay.isNotBlank() && lastDay.isNotBlank()
}

/**
 * A new one-off permanence as typed: one of the member's specialties, a day (`23/11/2026`), hours
 * as `HH:MM`. [invalidTime]: an hour not written `HH:MM` (caught before the core, which takes
 * minutes). [error]: the core's refusal of the last save.
 */
data class PermanenceDraft(
    val specialty: String? = null,
    val day: String = "",
    val start: String = "",
    val end: String = "",
    val invalidTime: Boolean = false,
    val error: DirectoryError? = null,
) {
    val canSave: Boolean get() = specialty != null && day.isNotBlank() && start.isNotBlank() && end.isNotBlank()
}

/**
 * The signed-in member's own absences and one-off permanences beside the weekly rota, as the core
 * gives them (still to come, soonest first), and the dialogs to declare one.
 */
data class AvailabilityState(
    val specialties: List<Specialty> = emptyList(),
    /** The member's own specialties, from the directory: a permanence is in one of them. */
    val mySpecialties: List<String> = emptyList(),
    /** Null until read. */
    val availability: Availability? = null,
    val loading: Boolean = true,
    /** A declaration or a withdrawal is on its way: the buttons wait. */
    val saving: Boolean = false,
    /** A failed read (with [availability] null) or a refused withdrawal. */
    val error: DirectoryError? = null,
    val absenceDraft: AbsenceDraft? = null,
    val permanenceDraft: PermanenceDraft? = null,
) {
    /** A permanence is in one of the member's specialties: offered only when the directory lists one. */
    val canDeclarePermanence: Boolean get() = availability != null && mySpecialties.isNotEmpty()
}

sealed interface AvailabilityEvent {
    data object Retry : AvailabilityEvent

    data object OpenAbsence : AvailabilityEvent

    data class AbsenceChanged(val draft: AbsenceDraft) : AvailabilityEvent

    data object SaveAbsence : AvailabilityEvent

    data object OpenPermanence : AvailabilityEvent

    data class PermanenceChanged(val draft: PermanenceDraft) : AvailabilityEvent

    data object SavePermanence : AvailabilityEvent

    /** Closes whichever dialog is open, what was typed dropped. */
    data object CloseEditor : AvailabilityEvent

    data class RemoveAbsence(val absence: Absence) : AvailabilityEvent

    data class RemovePermanence(val permanence: Permanence) : AvailabilityEvent

    data object DismissError : AvailabilityEvent
}

/**
 * A day as the core reads it: `23/11/2026` (or with `.` or `-`, one-digit day or month) is
 * rewritten `2026-11-23`; anything else goes as typed, trimmed. Whether it is a date, and one
 * that may be declared, is the core's to say.
 */
fun coreDay(text: String): String {
    val typed = text.trim()
    val match = Regex("""^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$""").matchEntire(typed) ?: return typed
    val (day, month, year) = match.destructured
    return "$year-${month.padStart(2, '0')}-${day.padStart(2, '0')}"
}
