package fr.innomed.sdk

import fr.innomed.core.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Search, filters and the archive through the real bindings, on the real Synapse. */
class SearchTest {
    @Test
    fun `a doctor finds a message by a word typed differently, filters and archives the case`() = runBlocking {
        val secret = marker("Naevus")
        val gp = Device("gp-search").register()
        val case = gp.createCase(newCase(secret))
        case.conversation().sendText("Deux LÉSIONS du dos, $secret")

        val hit = eventually("the message found") {
            gp.search("lésion $secret").firstOrNull { it.kind == HitKind.MESSAGE }
        }
        assertEquals(case.roomId(), hit.roomId)
        assertEquals(case.code(), hit.code)
        assertEquals(listOf("LÉSIONS", secret), hit.snippet.filter { it.matched }.map { it.text })
        assertThrows<SearchException.NothingToSearch> { runBlocking { gp.search(" ?! ") } }
        assertThrows<SearchException.QueryTooLong> { runBlocking { gp.search("mot ".repeat(200)) } }

        // Filters: the core decides what "asked by me" and the archive mean.
        val mine = gp.casesFiltered(CaseFilter(askedByMe = true))
        assertTrue(mine.any { it.roomId == case.roomId() && it.askedByMe })
        assertThrows<CaseException.NotClosed> { runBlocking { case.archive() } }
        case.setStatus(CaseStatus.CLOSED)
        eventually("closed in the list") {
            gp.cases().firstOrNull { it.roomId == case.roomId() && it.status == CaseStatus.CLOSED }
        }
        case.archive()
        assertTrue(gp.cases().none { it.roomId == case.roomId() }, "gone from the main list")
        val archived = gp.casesFiltered(CaseFilter(archived = true))
        assertTrue(archived.any { it.roomId == case.roomId() && it.archived })
        // Still found, then back in the list when restored.
        assertTrue(gp.search(secret).isNotEmpty())
        case.restore()
        assertTrue(gp.cases().any { it.roomId == case.roomId() && !it.archived })
        gp.shutdown()
    }
}
