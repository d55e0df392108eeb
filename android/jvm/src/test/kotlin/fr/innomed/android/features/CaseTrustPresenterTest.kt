package fr.innomed.android.features

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.Unvouched
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.android.api.conversation.MessageContent
import fr.innomed.android.api.conversation.RejectedEvent
import fr.innomed.android.api.conversation.RejectionReason
import fr.innomed.android.api.conversation.TimelineEntry
import fr.innomed.android.features.case.CasePresenter
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeRequestService
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** What the case's rules change on screen: rejected case events, members nobody vouches for. */
class CaseTrustPresenterTest {
    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val room = row("case").roomId
    private val stranger = UserId("@intrus:elsewhere.test")
    private val checks = mutableListOf<Unit>()

    private fun TestScope.open(me: UserId, vararg entries: TimelineEntry): CasePresenter {
        cases.rows.value = listOf(row("case"))
        cases.detailsResult = { Outcome.Success(details(room)) }
        cases.allowedResult = { Outcome.Success(allowed(if (me == GP) CaseRole.REQUESTER else CaseRole.MEMBER, CaseAction.WRITE)) }
        conversations.entries(room).value = entries.toList()
        return CasePresenter(backgroundScope, room, cases, conversations, FakeRequestService(), discardPhoto = {})
            .also { runCurrent() }
    }

    private fun joined(user: UserId) = message(user, MessageContent.MembershipChange(user, "Joined"), eventId = "\$join-${user.value}")

    @Test
    fun `a header from another member shows as rejected and names nobody the requester`() = runTest {
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        val forged = message(DERM, MessageContent.Rejected(RejectedEvent.HEADER, RejectionReason.NOT_FROM_CREATOR), me = DERM)
        val presenter = open(DERM, forged, text(DERM, "Je clos ?", DERM))
        val state = presenter.state.value
        assertNull(state.header, "a rejected header's content is never used")
        assertNull(state.requester)
        assertEquals(CaseRole.MEMBER, state.role, "the role is the core's, whatever the header claims")
        assertTrue(state.barActions.isEmpty(), "no status action for the forger")
        assertEquals(forged.content, (state.items.first() as TimelineEntry.Message).content)
    }

    @Test
    fun `members nobody vouches for are checked when the case shows and when membership changes`() = runTest {
        var answer = emptyList<UnvouchedMember>()
        cases.unvouchedResult = { checks.add(Unit); Outcome.Success(answer) }
        val presenter = open(GP, headerCard())
        assertEquals(1, checks.size)
        assertTrue(presenter.state.value.unvouched.isEmpty())

        conversations.entries(room).value = listOf(headerCard(), text(DERM, "Bonjour"))
        runCurrent()
        assertEquals(1, checks.size, "a message does not change who is in the case")

        answer = listOf(UnvouchedMember(stranger, Unvouched.NOT_INVITED_BY_MEMBER))
        conversations.entries(room).value = listOf(headerCard(), text(DERM, "Bonjour"), joined(stranger))
        runCurrent()
        assertEquals(2, checks.size)
        assertEquals(answer, presenter.state.value.unvouched)
    }

    @Test
    fun `a failed check keeps the last list, shows no error, and is tried again with the next update`() = runTest {
        val known = listOf(UnvouchedMember(stranger, Unvouched.NO_CROSS_SIGNING))
        cases.unvouchedResult = { checks.add(Unit); Outcome.Success(known) }
        val presenter = open(GP, headerCard(), joined(stranger))
        assertEquals(known, presenter.state.value.unvouched)

        cases.unvouchedResult = { checks.add(Unit); Outcome.Failure(CaseError.HomeserverUnreachable) }
        conversations.entries(room).value = listOf(headerCard(), joined(stranger), joined(OTHER_DERM))
        runCurrent()
        assertEquals(known, presenter.state.value.unvouched)
        assertNull(presenter.state.value.error)

        cases.unvouchedResult = { checks.add(Unit); Outcome.Success(emptyList()) }
        conversations.entries(room).value = listOf(headerCard(), joined(stranger), joined(OTHER_DERM), text(GP, "Qui est-ce ?"))
        runCurrent()
        assertEquals(3, checks.size)
        assertTrue(presenter.state.value.unvouched.isEmpty())
    }
}
