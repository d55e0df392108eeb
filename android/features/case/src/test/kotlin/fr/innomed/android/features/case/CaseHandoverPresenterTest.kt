package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.HandoverWait
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.cases.RequestBrief
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.noNextStep
import fr.innomed.android.test.GP
import fr.innomed.android.test.HEADER
import fr.innomed.android.test.OTHER_DERM
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.headerCard
import fr.innomed.android.test.message
import fr.innomed.android.test.row
import fr.innomed.android.test.text
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
 * the wait for the requesting doctor's device to hand the case over (nobody writes until then),
 * as the core says it (scripted here in the fake, step by step, as the core would answer).
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

    /** The core's answer now. */
    private var decided: Outcome<CaseActions, CaseError> =
        Outcome.Success(allowed(CaseRole.TAKER, handover = HandoverWait.AWAITING_REQUESTER))
    private var reads = 0
    private var briefAsked = 0
    private var current = details(room, status = CaseStatus.ACCEPTED, isRequest = true, acceptedBy = DERM)

    private fun core(actions: CaseActions) {
        decided = Outcome.Success(actions)
    }

    private fun TestScope.open(me: UserId, vararg items: ConversationItem): CasePresenter {
        val membership = current.membership
        cases.rows.value = listOf(row("case", membership = membership, status = current.statusInfo?.status, isRequest = true))
        cases.detailsResult = { Outcome.Success(current) }
        cases.allowedResult = { reads++; decided }
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.membersResult = { Outcome.Success(emptyList()) }
        cases.briefResult = { briefAsked++; Outcome.Success(if (me == GP) null else brief) }
        conversations.itemsOf(room).value = items.toList()
        return CasePresenter(backgroundScope, room, cases, conversations, noNextStep(), discardPhoto = {}, FakeDocumentViewer())
            .also { runCurrent() }
    }

    private fun joined(user: UserId) = message(user, MessageKind.Membership(user, "Joined"), me = DERM, eventId = "\$join-${user.value}")

    private fun statusRecord() = message(GP, MessageKind.Other, me = DERM, eventId = "\$status")

    @Test
    fun `an invitation to a request shows the brief, without any patient label, to decide on taking it`() = runTest {
        current = details(room, membership = Membership.INVITED)
        core(allowed(CaseRole.INVITED, CaseAction.TAKE, CaseAction.DECLINE))
        val presenter = open(DERM)
        val state = presenter.state.value
        assertEquals(brief, state.brief)
        assertNull(state.header, "no patient label before the take")
        assertEquals(listOf(CaseAction.TAKE, CaseAction.DECLINE), state.barActions)
        assertFalse(state.composerEnabled)
        assertNull(state.handover, "an invitation waits for no hand-over")
    }

    @Test
    fun `after taking, the specialist waits for the requesting doctor's device, then writes once it handed the case over`() = runTest {
        val presenter = open(DERM, joined(DERM))
        var state = presenter.state.value
        assertEquals(HandoverWait.AWAITING_REQUESTER, state.handover)
        assertEquals(CaseRole.TAKER, state.role)
        assertEquals(GP, state.requester, "the brief names who asked")
        assertEquals(brief, state.brief)
        assertFalse(state.composerEnabled)
        assertFalse(state.canSendPhoto || state.canInvite)
        assertTrue(state.barActions.isEmpty(), "no advice before the hand-over")
        presenter.onEvent(CaseEvent.ComposerChanged("Bonjour"))
        presenter.onEvent(CaseEvent.Send)
        presenter.onEvent(CaseEvent.Act(CaseAction.ADVISE))
        runCurrent()
        assertTrue(conversations.sent.all.isEmpty(), "nothing is written")

        // The GP's device withdraws the others, shares the history, records the taker.
        core(allowed(CaseRole.TAKER, CaseAction.WRITE, CaseAction.ADVISE))
        conversations.itemsOf(room).value = listOf(joined(DERM), headerCard(sender = GP, me = DERM), text(GP, "Photo à suivre", DERM), statusRecord())
        runCurrent()
        state = presenter.state.value
        assertNull(state.handover)
        assertTrue(state.composerEnabled)
        assertEquals(listOf(CaseAction.ADVISE), state.barActions)
        assertEquals(HEADER, state.header)
        assertEquals(listOf(room, room), conversations.historyLoads.all, "the shared history is loaded once handed over")

        conversations.itemsOf(room).value = conversations.itemsOf(room).value + text(GP, "Merci", DERM)
        runCurrent()
        assertEquals(listOf(room, room), conversations.historyLoads.all, "the history is loaded again only at a new hand-over")
        assertTrue(presenter.state.value.composerEnabled)
    }

    @Test
    fun `the requesting GP writes only once a specialist took the request and his device handed it over`() = runTest {
        current = details(room, status = CaseStatus.REQUESTED, isRequest = true)
        core(allowed(CaseRole.REQUESTER, handover = HandoverWait.NOT_TAKEN))
        val presenter = open(GP, headerCard())
        assertEquals(HandoverWait.NOT_TAKEN, presenter.state.value.handover)
        assertEquals(CaseRole.REQUESTER, presenter.state.value.role)
        assertFalse(presenter.state.value.composerEnabled)

        current = details(room, status = CaseStatus.ACCEPTED, isRequest = true, acceptedBy = DERM)
        core(allowed(CaseRole.REQUESTER, handover = HandoverWait.HANDING_OVER))
        cases.update(room) { it.copy(status = CaseStatus.ACCEPTED) }
        runCurrent()
        assertEquals(HandoverWait.HANDING_OVER, presenter.state.value.handover)
        assertFalse(presenter.state.value.composerEnabled)

        core(allowed(CaseRole.REQUESTER, CaseAction.WRITE))
        conversations.itemsOf(room).value = listOf(headerCard(), statusRecord())
        runCurrent()
        assertNull(presenter.state.value.handover)
        assertTrue(presenter.state.value.composerEnabled)
    }

    @Test
    fun `a failed read keeps the core's last answer, shows no error, and is tried again with the next update`() = runTest {
        val presenter = open(DERM, joined(DERM))
        assertEquals(HandoverWait.AWAITING_REQUESTER, presenter.state.value.handover)
        val before = reads

        decided = Outcome.Failure(CaseError.HomeserverUnreachable)
        conversations.itemsOf(room).value = listOf(joined(DERM), joined(OTHER_DERM))
        runCurrent()
        assertEquals(HandoverWait.AWAITING_REQUESTER, presenter.state.value.handover)
        assertFalse(presenter.state.value.composerEnabled)
        assertNull(presenter.state.value.error)

        core(allowed(CaseRole.TAKER, CaseAction.WRITE, CaseAction.ADVISE))
        conversations.itemsOf(room).value = listOf(joined(DERM), joined(OTHER_DERM), statusRecord())
        runCurrent()
        assertEquals(before + 2, reads)
        assertNull(presenter.state.value.handover)
        assertTrue(presenter.state.value.composerEnabled)
    }

    @Test
    fun `a first read that fails is said, and nothing may be done meanwhile`() = runTest {
        decided = Outcome.Failure(CaseError.HomeserverUnreachable)
        val presenter = open(DERM, joined(DERM))
        assertEquals(CaseScreenError.Case(CaseError.HomeserverUnreachable), presenter.state.value.error)
        assertTrue(presenter.state.value.actions.isEmpty())
        assertFalse(presenter.state.value.composerEnabled)
    }

    @Test
    fun `an answered request or a case between colleagues the core says nothing waits for is written into, without a brief`() = runTest {
        current = details(room, status = CaseStatus.ANSWERED, isRequest = true, acceptedBy = DERM)
        core(allowed(CaseRole.TAKER, CaseAction.WRITE, CaseAction.ADVISE))
        val answered = open(DERM, headerCard(sender = GP, me = DERM))
        assertTrue(answered.state.value.composerEnabled)
        current = details(room)
        core(allowed(CaseRole.MEMBER, CaseAction.WRITE))
        val colleagues = open(DERM, headerCard(sender = GP, me = DERM))
        assertTrue(colleagues.state.value.composerEnabled)
        assertNull(colleagues.state.value.handover)
        assertEquals(0, briefAsked)
    }
}
