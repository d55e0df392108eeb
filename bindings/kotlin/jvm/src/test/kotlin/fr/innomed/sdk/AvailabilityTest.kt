package fr.innomed.sdk

import fr.innomed.core.*

import java.time.LocalDate
import java.time.ZoneId
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** A specialist's own absences, the CPTS's routing windows and a request's next step, through the bindings. */
class AvailabilityTest {
    @Test
    fun `an absence takes the dermatologist off duty and a request plans its next step`() = runBlocking {
        val coordinator = Device("coord").register()
        val gp = Device("gp").register()
        val derm = Device("derm").register()
        val cpts = coordinator.createCpts("CPTS Kotlin")
        val spaceId = cpts.spaceId()
        cpts.addMember(gp.userId(), NewMember("Dr Gilles Généraliste", Profession.PHYSICIAN, listOf("general_practice"), fakeRpps(), false))
        cpts.addMember(derm.userId(), NewMember("Dr Hélène Lefèvre", Profession.PHYSICIAN, listOf("dermatology"), fakeRpps(), false))
        cpts.setDuty(derm.userId(), Weekday.entries.map { DutySlot("dermatology", it, 0u, 1440u) })
        for (member in listOf(gp, derm)) {
            eventually("the CPTS invitation") { runCatching { member.cpts(spaceId) }.getOrNull() }.join()
        }
        val gpCpts = gp.cpts(spaceId)
        val dermCpts = derm.cpts(spaceId)
        assertEquals(listOf(derm.userId()), gpCpts.onDutyNow("dermatology").map { it.userId })

        // Away today and tomorrow (Paris days): off duty whatever the rota says.
        val today = LocalDate.now(ZoneId.of("Europe/Paris"))
        val away = Absence(today.toString(), today.plusDays(1).toString())
        assertEquals(listOf(away), dermCpts.addAbsence(away).absences)
        assertTrue(gpCpts.onDutyNow("dermatology").isEmpty())
        assertEquals(listOf(away), gpCpts.availabilities().single { it.userId == derm.userId() }.availability.absences)
        val past = assertThrows<CptsException.InvalidAvailability> {
            runBlocking { dermCpts.addAbsence(Absence("2020-01-01", "2020-01-02")) }
        }
        assertEquals(AvailabilityProblem.IN_THE_PAST, past.v1)
        assertThrows<CptsException.InvalidAvailability> {
            runBlocking { dermCpts.addAbsence(Absence(today.plusDays(1).toString(), today.plusDays(3).toString())) }
        }
        assertTrue(dermCpts.removeAbsence(away).absences.isEmpty())
        assertEquals(listOf(derm.userId()), gpCpts.onDutyNow("dermatology").map { it.userId })

        // The coordinator's routing windows; a member cannot change them.
        assertEquals(30uL * 60uL * 1000uL, cpts.routingWindows().urgentMs)
        cpts.setRoutingWindows(RoutingWindows(60_000uL, 3_600_000uL, 86_400_000uL - 1uL))
        assertEquals(60_000uL, gpCpts.routingWindows().urgentMs)
        assertThrows<CptsException.NotAllowed> { runBlocking { gpCpts.setRoutingWindows(RoutingWindows(60_000uL, 60_000uL, 60_000uL)) } }
        val tooShort = assertThrows<CptsException.InvalidRequest> {
            runBlocking { cpts.setRoutingWindows(RoutingWindows(1_000uL, 60_000uL, 60_000uL)) }
        }
        assertEquals(RequestProblem.ROUTING_WINDOW, tooShort.v1)

        // A request goes to her; nobody else of the specialty: its next step alerts the coordinator only.
        val case = gpCpts.openRequest(
            TeleExpertiseRequest("dermatology", Urgency.ROUTINE, header("K"), true, null, emptyList()),
        )
        val step = case.nextStep() ?: error("a next step")
        assertEquals(NextStepState.PLANNED, step.state)
        assertTrue(step.specialists.isEmpty())
        assertTrue(cpts.unansweredRequests().none { it.roomId == case.roomId() })
        // The GP's reminder for the phone's scheduler: when the deadline passes.
        val reminder = gp.reminderSchedule().single { it.roomId == case.roomId() }
        assertEquals(DeadlineState.OVERDUE, reminder.state)
        assertEquals(case.status()?.dueMs, reminder.atMs)

        listOf(case, gpCpts, dermCpts, cpts).forEach { it.close() }
        listOf(coordinator, gp, derm).forEach {
            it.shutdown()
            it.close()
        }
    }
}
