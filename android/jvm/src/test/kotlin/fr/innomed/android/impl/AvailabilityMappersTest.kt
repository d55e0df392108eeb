package fr.innomed.android.impl

import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.Absence
import fr.innomed.android.api.directory.Availability
import fr.innomed.android.api.directory.AvailabilityProblem
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.Permanence
import fr.innomed.android.api.directory.SlotProblem
import fr.innomed.core.CptsException
import fr.innomed.core.MemberAvailability
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import fr.innomed.core.Absence as SdkAbsence
import fr.innomed.core.Availability as SdkAvailability
import fr.innomed.core.AvailabilityProblem as SdkAvailabilityProblem
import fr.innomed.core.Permanence as SdkPermanence
import fr.innomed.core.SlotProblem as SdkSlotProblem

/** A member's own absences and permanences, as the API carries them (no Rust call: plain generated values). */
class AvailabilityMappersTest {
    private val sdkAway = SdkAbsence(firstDay = "2026-11-30", lastDay = "2026-12-04")
    private val sdkSaturday = SdkPermanence(specialty = "dermatology", day = "2026-11-28", startMinute = 480u, endMinute = 1440u)

    @Test
    fun `an absence and a permanence reach the core as typed and come back as the core gives them`() {
        assertEquals(sdkAway, Absence("2026-11-30", "2026-12-04").toSdk())
        assertEquals(sdkSaturday, Permanence("dermatology", "2026-11-28", 480, 1440).toSdk())
        assertEquals(SdkAbsence("demain", "31/02"), Absence("demain", "31/02").toSdk(), "nothing checked on the way")
        assertEquals(
            SdkPermanence("dermatology", "2026-11-28", 0u, 65535u),
            Permanence("dermatology", "2026-11-28", -5, 70_000).toSdk(),
            "out of range: clamped, then refused by the core as outside the day",
        )
        assertEquals(
            Availability(listOf(Absence("2026-11-30", "2026-12-04")), listOf(Permanence("dermatology", "2026-11-28", 480, 1440))),
            SdkAvailability(absences = listOf(sdkAway), permanences = listOf(sdkSaturday)).toApi(),
        )
    }

    @Test
    fun `every member's availability is keyed by member`() {
        val derm = "@p3n8c1v5z:cpts-val-essai.fr"
        assertEquals(
            mapOf(UserId(derm) to Availability(absences = listOf(Absence("2026-11-30", "2026-12-04")))),
            listOf(MemberAvailability(userId = derm, availability = SdkAvailability(listOf(sdkAway), emptyList()))).byMember(),
        )
    }

    @Test
    fun `the core's refusals keep their kinds`() {
        for (problem in SdkAvailabilityProblem.entries) {
            assertEquals(
                DirectoryError.InvalidAvailability(AvailabilityProblem.valueOf(problem.name)),
                directoryError(CptsException.InvalidAvailability(problem)),
            )
        }
        assertEquals(AvailabilityProblem.entries.map { it.name }, SdkAvailabilityProblem.entries.map { it.name }, "one kind for each of the core's")
        assertEquals(
            DirectoryError.InvalidSlot(SlotProblem.NOT_MEMBER_SPECIALTY),
            directoryError(CptsException.InvalidSlot(SdkSlotProblem.NOT_MEMBER_SPECIALTY)),
        )
        assertEquals(DirectoryError.InvalidSlot(SlotProblem.OUTSIDE_DAY), directoryError(CptsException.InvalidSlot(SdkSlotProblem.OUTSIDE_DAY)))
        assertEquals(DirectoryError.UnknownSpecialty("astrology"), directoryError(CptsException.UnknownSpecialty("astrology")))
        assertEquals(DirectoryError.NotInDirectory, directoryError(CptsException.NotInDirectory()))
        assertEquals(DirectoryError.NotAllowed, directoryError(CptsException.NotAllowed()), "a space that does not take declarations yet")
        assertEquals(DirectoryError.HomeserverUnreachable, directoryError(CptsException.HomeserverUnreachable()))
    }
}
