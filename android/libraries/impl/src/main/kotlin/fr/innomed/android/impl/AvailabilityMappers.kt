package fr.innomed.android.impl

import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.Absence
import fr.innomed.android.api.directory.Availability
import fr.innomed.android.api.directory.Permanence
import fr.innomed.core.MemberAvailability
import fr.innomed.core.Absence as SdkAbsence
import fr.innomed.core.Availability as SdkAvailability
import fr.innomed.core.Permanence as SdkPermanence

/** A member's own absences and permanences, both ways as typed: every check is the core's. */
internal fun SdkAbsence.toApi() = Absence(firstDay = firstDay, lastDay = lastDay)

internal fun Absence.toSdk() = SdkAbsence(firstDay = firstDay, lastDay = lastDay)

internal fun SdkPermanence.toApi() = Permanence(
    specialty = specialty,
    day = day,
    startMinute = startMinute.toInt(),
    endMinute = endMinute.toInt(),
)

/** Minutes outside 0..65535 cannot be a permanence: clamped, then refused by the core as outside the day. */
internal fun Permanence.toSdk() = SdkPermanence(
    specialty = specialty,
    day = day,
    startMinute = startMinute.coerceIn(0, UShort.MAX_VALUE.toInt()).toUShort(),
    endMinute = endMinute.coerceIn(0, UShort.MAX_VALUE.toInt()).toUShort(),
)

internal fun SdkAvailability.toApi() = Availability(
    absences = absences.map { it.toApi() },
    permanences = permanences.map { it.toApi() },
)

/** Every member's declared availability, by member, for the rota. */
internal fun List<MemberAvailability>.byMember(): Map<UserId, Availability> =
    associate { UserId(it.userId) to it.availability.toApi() }
