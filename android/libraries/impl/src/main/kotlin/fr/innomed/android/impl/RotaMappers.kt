package fr.innomed.android.impl

import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.DutySlot
import fr.innomed.android.api.directory.EntryEdit
import fr.innomed.android.api.directory.PartnerCpts
import fr.innomed.android.api.directory.Weekday
import fr.innomed.core.DutySlot as SdkDutySlot
import fr.innomed.core.EntryEdit as SdkEntryEdit
import fr.innomed.core.Partner as SdkPartner
import fr.innomed.core.Weekday as SdkWeekday

internal fun SdkDutySlot.toApi() = DutySlot(
    specialty = specialty,
    weekday = Weekday.valueOf(weekday.name),
    startMinute = startMinute.toInt(),
    endMinute = endMinute.toInt(),
)

/** Minutes outside 0..65535 cannot be a slot: clamped, then refused by the core as outside the day. */
internal fun DutySlot.toSdk() = SdkDutySlot(
    specialty = specialty,
    weekday = SdkWeekday.valueOf(weekday.name),
    startMinute = startMinute.coerceIn(0, UShort.MAX_VALUE.toInt()).toUShort(),
    endMinute = endMinute.coerceIn(0, UShort.MAX_VALUE.toInt()).toUShort(),
)

internal fun EntryEdit.toSdk() = SdkEntryEdit(displayName = displayName, specialties = specialties, retired = retired)

internal fun SdkPartner.toApi() = PartnerCpts(spaceId = spaceId, name = name, coordinator = UserId(coordinator), agreed = agreed)
