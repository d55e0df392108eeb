package fr.innomed.android.features.directory

import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.Availability
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.DutySlot
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.Rota
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.api.directory.Weekday

/** One slot of the week, with whose it is. */
data class RotaLine(val userId: UserId, val name: String, val slot: DutySlot)

/** One day of the week and its slots, earliest first. */
data class RotaDay(val weekday: Weekday, val lines: List<RotaLine>)

/** A member's own absences and permanences to come, as the core gives them, named from the directory. */
data class DeclaredAvailability(val userId: UserId, val name: String, val availability: Availability)

/** The coordinator's new slot, as typed: times as `HH:MM`. */
data class SlotDraft(
    val member: UserId? = null,
    val specialty: String? = null,
    val weekday: Weekday = Weekday.MONDAY,
    val start: String = "",
    val end: String = "",
    /** Submitted with a missing field or a time not written `HH:MM`. */
    val invalid: Boolean = false,
)

data class RotaState(
    val specialties: List<Specialty> = emptyList(),
    /** Null until read. */
    val rota: Rota? = null,
    val loading: Boolean = true,
    /** Adding or removing a slot is on its way: the buttons wait. */
    val saving: Boolean = false,
    val error: DirectoryError? = null,
    /** The coordinator's new-slot dialog, while open. */
    val draft: SlotDraft? = null,
) {
    /** Only the coordinator is offered to change the rota (the homeserver refuses anyone else). */
    val canEdit: Boolean get() = rota?.isCoordinator == true

    /** The week, Monday first, each day's slots by start time, named from the directory. */
    val week: List<RotaDay>
        get() {
            val rota = rota ?: return emptyList()
            val names = rota.members.associate { it.userId to it.displayName }
            val lines = rota.slots.flatMap { (user, slots) -> slots.map { RotaLine(user, names[user] ?: user.value, it) } }
            return Weekday.entries.map { day ->
                RotaDay(day, lines.filter { it.slot.weekday == day }.sortedWith(compareBy({ it.slot.startMinute }, { it.name })))
            }
        }

    /**
     * What members declared themselves (an absence wins over their slots), in the directory's
     * order, those who declared nothing left out.
     */
    val declared: List<DeclaredAvailability>
        get() {
            val rota = rota ?: return emptyList()
            val names = rota.members.associate { it.userId to it.displayName }
            val order = rota.members.map { it.userId }
            return rota.availability
                .filterValues { it.absences.isNotEmpty() || it.permanences.isNotEmpty() }
                .map { (user, availability) -> DeclaredAvailability(user, names[user] ?: user.value, availability) }
                .sortedWith(compareBy({ order.indexOf(it.userId).let { i -> if (i < 0) Int.MAX_VALUE else i } }, { it.name }))
        }

    /**
     * The members a slot can be given to: those with a specialty (retired specialists included:
     * they hold permanences). Which specialty a slot may be in is the core's to check.
     */
    val assignable: List<MemberEntry> get() = rota?.members.orEmpty().filter { it.specialties.isNotEmpty() }

    /** The specialties of the member picked in the draft (the core refuses any other). */
    val draftSpecialties: List<String>
        get() = rota?.members?.firstOrNull { it.userId == draft?.member }?.specialties.orEmpty()
}

sealed interface RotaEvent {
    data object Retry : RotaEvent

    data object OpenEditor : RotaEvent

    data class DraftChanged(val draft: SlotDraft) : RotaEvent

    data object SaveSlot : RotaEvent

    data object CloseEditor : RotaEvent

    data class RemoveSlot(val line: RotaLine) : RotaEvent

    data object DismissError : RotaEvent
}

/** `14:30` → 870; `24:00` is the end of the day; anything else is null. */
fun parseTime(text: String): Int? {
    val match = Regex("""^(\d{1,2})[:hH](\d{2})$""").matchEntire(text.trim()) ?: return null
    val (h, m) = match.destructured
    val minutes = h.toInt() * 60 + m.toInt()
    return minutes.takeIf { m.toInt() < 60 && minutes <= 24 * 60 }
}

/** 870 → `14:30`. */
fun formatTime(minutes: Int): String = "%02d:%02d".format(minutes / 60, minutes % 60)
