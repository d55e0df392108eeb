package fr.innomed.android.impl

import fr.innomed.android.api.EventId
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.search.HitKind
import fr.innomed.android.api.search.SearchError
import fr.innomed.android.api.search.SearchHit
import fr.innomed.android.api.search.SearchProgress
import fr.innomed.android.api.search.SnippetPart
import fr.innomed.core.AccountException
import fr.innomed.core.CaseException
import fr.innomed.core.SearchException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import fr.innomed.core.CaseStatus as SdkCaseStatus
import fr.innomed.core.CaseSummary as SdkCaseSummary
import fr.innomed.core.HitKind as SdkHitKind
import fr.innomed.core.Membership as SdkMembership
import fr.innomed.core.SearchHit as SdkSearchHit
import fr.innomed.core.SearchProgress as SdkSearchProgress
import fr.innomed.core.SnippetPart as SdkSnippetPart
import fr.innomed.core.Urgency as SdkUrgency

/** The core's search results, progress and refusals, and the list's flags, as the API carries them (no Rust call). */
class SearchMappersTest {
    @Test
    fun `every kind of result of the core has its API value`() {
        assertEquals(SdkHitKind.entries.map { it.name }, HitKind.entries.map { it.name })
        SdkHitKind.entries.forEach { assertEquals(it.name, it.toApi().name) }
    }

    @Test
    fun `a result keeps its case, message, kind, sender, date and the snippet's parts in order`() {
        val hit = SdkSearchHit(
            roomId = "!case:cpts.test",
            code = "IM-7K2QX9",
            eventId = "\$advice",
            kind = SdkHitKind.ADVICE,
            sender = "@dr.benali:cpts.test",
            timestampMs = 1_795_439_100_000uL,
            snippet = listOf(
                SdkSnippetPart("Exérèse complète avec ", false),
                SdkSnippetPart("marges", true),
                SdkSnippetPart(" de 2 mm", false),
            ),
        )
        assertEquals(
            SearchHit(
                roomId = RoomId("!case:cpts.test"),
                code = "IM-7K2QX9",
                eventId = EventId("\$advice"),
                kind = HitKind.ADVICE,
                sender = UserId("@dr.benali:cpts.test"),
                timestampMillis = 1_795_439_100_000,
                snippet = listOf(
                    SnippetPart("Exérèse complète avec ", false),
                    SnippetPart("marges", true),
                    SnippetPart(" de 2 mm", false),
                ),
            ),
            hit.toApi(),
        )
        // The case itself matched (its code, specialty or members): no message to point to.
        val case = hit.copy(eventId = null, kind = SdkHitKind.CASE, sender = null).toApi()
        assertNull(case.eventId)
        assertNull(case.sender)
        assertEquals(HitKind.CASE, case.kind)
    }

    @Test
    fun `the index's progress is carried as the core reports it`() {
        assertEquals(SearchProgress(12, 40, done = false), SdkSearchProgress(12u, 40u, false).toApi())
        assertEquals(SearchProgress(40, 40, done = true), SdkSearchProgress(40u, 40u, true).toApi())
    }

    @Test
    fun `the core's refusals of a search keep their kinds, the store's detail dropped`() {
        assertEquals(SearchError.NothingToSearch, searchError(SearchException.NothingToSearch()))
        assertEquals(SearchError.QueryTooLong, searchError(SearchException.QueryTooLong()))
        assertEquals(SearchError.WrongKey, searchError(SearchException.WrongKey()))
        val store = searchError(SearchException.Store("/data/user/0/fr.innomed.app/files/accounts/x/search.sqlite3: disk I/O error"))
        assertEquals(SearchError.Store, store)
        assertFalse("sqlite3" in store.toString())
        assertTrue(searchError(AccountException.NotLoggedIn()) is SearchError.Other)
    }

    @Test
    fun `archiving a case that is not closed is its own kind`() {
        assertEquals(CaseError.NotClosed, caseError(CaseException.NotClosed()))
    }

    @Test
    fun `a row carries the core's flags, archived, opened by this doctor, waiting for them`() {
        val summary = SdkCaseSummary(
            roomId = "!closed:cpts.test",
            code = "IM-5P1KC8",
            membership = SdkMembership.JOINED,
            status = SdkCaseStatus.CLOSED,
            specialty = "pneumology",
            urgency = SdkUrgency.ROUTINE,
            dueMs = null,
            deadline = null,
            cpts = "!cpts:cpts.test",
            lastMessage = null,
            unread = 0uL,
            muted = false,
            inviter = null,
            inviterName = null,
            brief = null,
            archived = true,
            askedByMe = true,
            waitingForMe = false,
        )
        val row = summary.toApi()
        assertTrue(row.archived)
        assertTrue(row.askedByMe)
        assertFalse(row.waitingForMe)
        val waiting = summary.copy(archived = false, askedByMe = false, waitingForMe = true).toApi()
        assertFalse(waiting.archived)
        assertFalse(waiting.askedByMe)
        assertTrue(waiting.waitingForMe)
    }
}
