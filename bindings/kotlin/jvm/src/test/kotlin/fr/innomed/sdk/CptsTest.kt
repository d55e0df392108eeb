package fr.innomed.sdk

import fr.innomed.core.*

import java.io.File
import java.nio.file.Files
import kotlin.random.Random
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** An 11-digit RPPS whose last digit is the Luhn key of the first ten. */
fun fakeRpps(): String {
    val first = "10" + Random.nextInt(0, 100_000_000).toString().padStart(8, '0')
    for (key in 0..9) {
        val digits = first + key
        val sum = digits.reversed().mapIndexed { i, c ->
            val d = c.digitToInt()
            if (i % 2 == 1) (d * 2).let { if (it > 9) it - 9 else it } else d
        }.sum()
        if (sum % 10 == 0) return digits
    }
    error("no Luhn key")
}

/** Coordinator, GP and dermatologist: the télé-expertise journey through the bindings. */
class CptsTest {
    @Test
    fun `a request reaches the dermatologist on duty, is answered and closed with a local report`() = runBlocking {
        val coordinator = Device("coord").register()
        val gp = Device("gp").register()
        val derm = Device("derm").register()
        val question = "Exérèse ? " + marker("Q")

        assertTrue(specialties().any { it.code == "dermatology" && it.labelFr.startsWith("Dermatologie") })

        val cpts = coordinator.createCpts("CPTS Kotlin")
        val spaceId = cpts.spaceId()
        val gpRpps = fakeRpps()
        val dermRpps = fakeRpps()
        assertThrows<CptsException.InvalidRpps> {
            cpts.addMember(gp.userId(), NewMember("Dr G", Profession.PHYSICIAN, listOf("general_practice"), "12345678901", false))
        }
        cpts.addMember(gp.userId(), NewMember("Dr Gilles Généraliste", Profession.PHYSICIAN, listOf("general_practice"), gpRpps, false))
        cpts.addMember(derm.userId(), NewMember("Dr Hélène Lefèvre", Profession.PHYSICIAN, listOf("dermatology"), dermRpps, true))
        // The dermatologist holds a permanence every day, all day (the JVM test runs on the real clock).
        cpts.setDuty(derm.userId(), Weekday.entries.map { DutySlot("dermatology", it, 0u, 1440u) })
        for (member in listOf(gp, derm)) {
            eventually("the CPTS invitation") { runCatching { member.cpts(spaceId) }.getOrNull() }.join()
        }
        val gpCpts = gp.cpts(spaceId)
        assertEquals(listOf(derm.userId()), gpCpts.onDutyNow("dermatology").map { it.userId })
        assertEquals(dermRpps, gpCpts.search(null, "lefevre").single().rpps)

        // Nobody on duty in cardiology: the typed error offers the directory (empty here).
        val noCardio = assertThrows<CptsException.NoOneOnDuty> {
            runBlocking { gpCpts.openRequest(request("cardiology", question)) }
        }
        assertEquals("cardiology", noCardio.specialty)

        val case = gpCpts.openRequest(request("dermatology", question))
        val dermCase = eventually("the request reaches the dermatologist") {
            runCatching { derm.case(case.roomId()) }.getOrNull()
        }
        // Before taking it she reads the brief only: the question, never the patient's label.
        val brief = eventually("the brief at the dermatologist") { dermCase.requestBrief() }
        assertEquals(question, brief.question)
        assertEquals(gp.userId(), brief.requester)
        assertEquals("dermatology", brief.specialty)
        dermCase.takeRequest()
        // The GP verified neither her nor the coordinator: he confirms her before the hand-over.
        eventually("the GP asked to confirm the taker") {
            case.allowedActions().takeIf { it.handover == HandoverWait.CONFIRM_TAKER }
        }
        case.confirmMember(derm.userId())
        eventually("the request handed over to her") { dermCase.allowedActions().takeIf { it.handover == null } }
        assertEquals(header("K").patientLabel, dermCase.header()?.patientLabel)
        eventually("the GP sees it accepted") {
            case.status()?.takeIf { it.status == CaseStatus.ACCEPTED && it.acceptedBy == derm.userId() }
        }
        assertTrue(gp.requests(RequestFilter.OPEN).any { it.case.roomId == case.roomId() && it.deadline == DeadlineState.ON_TIME })

        val advice = Advice("Kératose séborrhéique " + marker("A"), "Surveillance simple", InPerson.NOT_NEEDED)
        assertThrows<CptsException.NotAllowed> { runBlocking { case.sendAdvice(advice) } }
        dermCase.sendAdvice(advice)
        val given = eventually("the advice decrypted on the GP's phone") { case.advice() }
        assertEquals(advice, given.advice)
        assertEquals(derm.userId(), given.sender)
        eventually("the request listed as answered") {
            gp.requests(RequestFilter.ANSWERED).find { it.case.roomId == case.roomId() }
        }

        val reports = Files.createTempDirectory("innomed-reports").toFile()
        try {
            val closed = case.closeWithReport("Surveillance par le médecin traitant", reports.path)
            assertTrue(File(closed.pdfPath).readBytes().decodeToString(0, 8).startsWith("%PDF-1."))
            val json = File(closed.jsonPath).readText()
            assertTrue(question in closed.reportJson)
            for (needle in listOf(question, gpRpps, dermRpps, "\"RQD\"", "\"TE2\"")) {
                assertTrue(needle in json, "$needle in the report")
            }
            assertEquals(CaseStatus.CLOSED, case.status()?.status)
        } finally {
            reports.deleteRecursively()
        }

        listOf(case, dermCase, gpCpts, cpts).forEach { it.close() }
        listOf(coordinator, gp, derm).forEach {
            it.shutdown()
            it.close()
        }
    }

    private fun request(specialty: String, question: String) = TeleExpertiseRequest(
        specialty = specialty,
        urgency = Urgency.SOON,
        header = header("K").copy(question = question),
        patientConsent = true,
        expert = null,
        photos = emptyList(),
    )
}
