package fr.innomed.android.features

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.cases.RequestBrief
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.conversation.MessageContent
import fr.innomed.android.api.conversation.TimelineEntry
import fr.innomed.android.features.case.CaseAction
import fr.innomed.android.features.case.CaseEvent
import fr.innomed.android.features.case.CasePresenter
import fr.innomed.android.features.case.CaseRole
import fr.innomed.android.features.case.HandoverWait
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeRequestService
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * A request before the taker has its history: the brief a routed specialist decides on, and
 * the wait for the requesting doctor's device to hand the case over (nobody writes until then).
 */
class CaseHandoverPresenterTest {
    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val room = row("case").roomId
    private val brief = RequestBrief(
        requester = GP,
        specialty = "dermatology",
        urgency = Urgency.URGENT,
        dueAtMillis = 1_700_086_400_000,
        ageBand = AgeBand.ADULT,
        sex = Sex.MALE,
        question = "Conduite à tenir ?",
    )
    private var waiting: Outcome<Boolean, CaseError> = Outcome.Success(true)
    private var handoverChecks = 0
    private var current = details(room, status = CaseStatus.ACCEPTED, isRequest = true, acceptedBy = DERM)

    private fun TestScope.open(me: UserId, vararg entries: TimelineEntry): CasePresenter {
        val membership = current.membership
        cases.rows.value = listOf(row("case", membership = membership, status = current.status, isRequest = true))
        cases.detailsResult = { Outcome.Success(current) }
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.briefResult = { Outcome.Success(if (me == GP) null else brief) }
        cases.awaitingHandoverResult = { handoverChecks++; waiting }
        conversations.entries(room).value = entries.toList()
        return CasePresenter(backgroundScope, room, me, cases, conversations, FakeRequestService(), discardPhoto = {})
            .also { runCurrent() }
    }

    private fun joined(user: UserId) = message(user, MessageContent.MembershipChange(user, "Joined"), me = DERM, eventId = "\$join-${user.value}")

    private fun statusRecord() = message(GP, MessageContent.Unsupported, me = DERM, eventId = "\$status")

    @Test
    fun `an invitation to a request shows the brief, without any patient label, to decide on taking it`() = runTest {
        current = details(room, membership = Membership.INVITED)
        val presenter = open(DERM)
        val state = presenter.state.value
        assertEquals(brief, state.brief)
        assertNull(state.header, "no patient label before the take")
        assertEquals(setOf(CaseAction.TAKE, CaseAction.DECLINE), state.actions)
        assertFalse(state.composerEnabled)
        assertNull(state.handover)
        assertEquals(0, handoverChecks, "an invitation is not asked about the hand-over")
    }

    @Test
    fun `after taking, the specialist waits for the requesting doctor's device, then writes once it handed the case over`() = runTest {
        val presenter = open(DERM, joined(DERM))
        var state = presenter.state.value
        assertEquals(HandoverWait.AWAITING_REQUESTER, state.handover)
        assertEquals(CaseRole.EXPERT, state.role)
        assertEquals(GP, state.requester, "the brief names who asked")
        assertEquals(brief, state.brief)
        assertFalse(state.composerEnabled)
        assertFalse(state.canSendPhoto || state.canInvite)
        assertTrue(state.actions.isEmpty(), "no advice before the hand-over")
        presenter.onEvent(CaseEvent.ComposerChanged("Bonjour"))
        presenter.onEvent(CaseEvent.Send)
        presenter.onEvent(CaseEvent.Act(CaseAction.ADVISE))
        runCurrent()
        assertTrue(conversations.sent.all.isEmpty(), "nothing is written")

        // The GP's device withdraws the others, shares the history, records the taker.
        waiting = Outcome.Success(false)
        conversations.entries(room).value = listOf(joined(DERM), headerCard(sender = GP, me = DERM), text(GP, "Photo à suivre", DERM), statusRecord())
        runCurrent()
        state = presenter.state.value
        assertNull(state.handover)
        assertTrue(state.composerEnabled)
        assertEquals(setOf(CaseAction.ADVISE), state.actions)
        assertEquals(HEADER, state.header)
        assertEquals(listOf(room, room), conversations.historyLoads.all, "the shared history is loaded once handed over")

        val checks = handoverChecks
        conversations.entries(room).value = conversations.entries(room).value + text(GP, "Merci", DERM)
        runCurrent()
        assertEquals(checks, handoverChecks, "once handed over, a request never waits again")
    }

    @Test
    fun `the requesting GP writes only once a specialist took the request and his device handed it over`() = runTest {
        current = details(room, status = CaseStatus.REQUESTED, isRequest = true)
        val presenter = open(GP, headerCard())
        assertEquals(HandoverWait.NOT_TAKEN, presenter.state.value.handover)
        assertEquals(CaseRole.REQUESTER, presenter.state.value.role)
        assertFalse(presenter.state.value.composerEnabled)

        current = current.copy(status = CaseStatus.ACCEPTED, acceptedBy = DERM)
        cases.update(room) { it.copy(status = CaseStatus.ACCEPTED) }
        runCurrent()
        assertEquals(HandoverWait.HANDING_OVER, presenter.state.value.handover)
        assertFalse(presenter.state.value.composerEnabled)

        waiting = Outcome.Success(false)
        conversations.entries(room).value = listOf(headerCard(), statusRecord())
        runCurrent()
        assertNull(presenter.state.value.handover)
        assertTrue(presenter.state.value.composerEnabled)
    }

    @Test
    fun `a failed check keeps the last answer, shows no error, and is tried again with the next update`() = runTest {
        val presenter = open(DERM, joined(DERM))
        assertEquals(HandoverWait.AWAITING_REQUESTER, presenter.state.value.handover)
        val checks = handoverChecks

        waiting = Outcome.Failure(CaseError.HomeserverUnreachable)
        conversations.entries(room).value = listOf(joined(DERM), joined(OTHER_DERM))
        runCurrent()
        assertEquals(HandoverWait.AWAITING_REQUESTER, presenter.state.value.handover)
        assertFalse(presenter.state.value.composerEnabled)
        assertNull(presenter.state.value.error)

        waiting = Outcome.Success(false)
        conversations.entries(room).value = listOf(joined(DERM), joined(OTHER_DERM), statusRecord())
        runCurrent()
        assertEquals(checks + 2, handoverChecks)
        assertNull(presenter.state.value.handover)
        assertTrue(presenter.state.value.composerEnabled)
    }

    @Test
    fun `an answered request or a case between colleagues is never asked about the hand-over`() = runTest {
        current = details(room, status = CaseStatus.ANSWERED, isRequest = true, acceptedBy = DERM)
        val answered = open(DERM, headerCard(sender = GP, me = DERM))
        assertTrue(answered.state.value.composerEnabled)
        current = details(room)
        val colleagues = open(DERM, headerCard(sender = GP, me = DERM))
        assertTrue(colleagues.state.value.composerEnabled)
        assertEquals(0, handoverChecks)
        assertNull(colleagues.state.value.handover)
    }
}
