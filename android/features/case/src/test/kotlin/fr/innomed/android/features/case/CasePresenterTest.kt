package fr.innomed.android.features.case

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.Deadline
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.cases.HandoverWait
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.conversation.ConversationError
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.requests.ClosedCase
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.GP
import fr.innomed.android.test.HEADER
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.headerCard
import fr.innomed.android.test.noNextStep
import fr.innomed.android.test.row
import fr.innomed.android.test.text
import java.io.File
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The case screen shows what the core decides (role, actions, hand-over wait, deadline: scripted
 * here in the fake as the core would answer) and runs only the actions it allows.
 */
class CasePresenterTest {
    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val requests = noNextStep()
    private val discarded = mutableListOf<File>()
    private val room = row("case").roomId

    /** The core's answer now; a test changes it as the core would after an action. */
    private var decided = allowed(CaseRole.MEMBER, CaseAction.WRITE)

    /**
     * The case is in the list, its details say [details] and the core decides [core]; the
     * conversation holds the GP's header.
     */
    private fun TestScope.open(me: UserId, details: CaseDetails, core: CaseActions, invitedToRequest: Boolean = false): CasePresenter {
        val membership = details.membership
        cases.rows.value = listOf(row("case", membership = membership, isRequest = invitedToRequest || details.statusInfo?.isRequest == true))
        var current = details
        decided = core
        cases.detailsResult = { Outcome.Success(current) }
        cases.allowedResult = { Outcome.Success(decided) }
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.membersResult = { Outcome.Success(emptyList()) }
        cases.briefResult = { Outcome.Success(null) }
        cases.setStatusResult = { _, status -> current = current.copy(statusInfo = current.statusInfo?.copy(status = status)); Outcome.Done }
        conversations.itemsOf(room).value = listOf(headerCard(sender = GP, me = me), text(GP, "Photo à suivre", me))
        return CasePresenter(backgroundScope, room, cases, conversations, requests, discarded::add, FakeDocumentViewer()).also { runCurrent() }
    }

    @Test
    fun `the conversation shows the header card and messages, after loading the history`() = runTest {
        val presenter = open(DERM, details(room), allowed(CaseRole.MEMBER, CaseAction.WRITE))
        val state = presenter.state.value
        assertEquals(HEADER, state.header)
        assertEquals(2, state.items.size)
        assertEquals(MessageKind.Text("Photo à suivre"), (state.items[1] as ConversationItem.Message).message.kind)
        assertEquals(listOf(room), conversations.historyLoads.all)
        assertTrue(conversations.reads.all.isNotEmpty(), "the case is marked read while shown")
    }

    @Test
    fun `an invitation offers what the core says, accept or decline, and shows no conversation yet`() = runTest {
        cases.acceptResult = { Outcome.Done }
        val presenter = open(DERM, details(room, membership = Membership.INVITED), allowed(CaseRole.INVITED, CaseAction.ACCEPT, CaseAction.DECLINE))
        assertEquals(CaseRole.INVITED, presenter.state.value.role)
        assertEquals(listOf(CaseAction.ACCEPT, CaseAction.DECLINE), presenter.state.value.barActions)
        assertFalse(presenter.state.value.composerEnabled)
        assertTrue(conversations.historyLoads.all.isEmpty())
    }

    @Test
    fun `an invitation to a request is taken directly, when the core says so`() = runTest {
        val invited = details(room, membership = Membership.INVITED)
        val presenter = open(DERM, invited, allowed(CaseRole.INVITED, CaseAction.TAKE, CaseAction.DECLINE), invitedToRequest = true)
        assertEquals(listOf(CaseAction.TAKE, CaseAction.DECLINE), presenter.state.value.barActions)
    }

    @Test
    fun `a request waiting for a specialist may be taken by the specialist, not by the requesting GP`() = runTest {
        val waiting = details(room, status = CaseStatus.REQUESTED, isRequest = true)
        val specialist = open(DERM, waiting, allowed(CaseRole.MEMBER, CaseAction.TAKE, handover = HandoverWait.NOT_TAKEN)).state.value
        assertEquals(listOf(CaseAction.TAKE), specialist.barActions)
        val gpView = open(GP, waiting, allowed(CaseRole.REQUESTER, handover = HandoverWait.NOT_TAKEN)).state.value
        assertEquals(CaseRole.REQUESTER, gpView.role)
        assertTrue(gpView.barActions.isEmpty())
        assertEquals(HandoverWait.NOT_TAKEN, gpView.handover)
    }

    @Test
    fun `taking a request someone else took shows AlreadyTaken`() = runTest {
        requests.takeResult = { Outcome.Failure(RequestError.AlreadyTaken) }
        val presenter = open(DERM, details(room, status = CaseStatus.REQUESTED, isRequest = true), allowed(CaseRole.MEMBER, CaseAction.TAKE))
        presenter.onEvent(CaseEvent.Act(CaseAction.TAKE))
        runCurrent()
        assertEquals(CaseScreenError.Request(RequestError.AlreadyTaken), presenter.state.value.error)
        assertNull(presenter.state.value.busy)
    }

    @Test
    fun `the taker advises only with a complete advice`() = runTest {
        requests.adviceResult = { _, _ -> Outcome.Done }
        val taken = details(room, status = CaseStatus.ACCEPTED, isRequest = true, acceptedBy = DERM)
        val presenter = open(DERM, taken, allowed(CaseRole.TAKER, CaseAction.WRITE, CaseAction.ADVISE))
        assertEquals(CaseRole.TAKER, presenter.state.value.role)
        assertEquals(listOf(CaseAction.ADVISE), presenter.state.value.barActions)

        presenter.onEvent(CaseEvent.AdviceChanged(AdviceDraft(assessment = "Kératose séborrhéique")))
        presenter.onEvent(CaseEvent.Act(CaseAction.ADVISE))
        runCurrent()
        assertEquals(CaseScreenError.AdviceIncomplete, presenter.state.value.error)
        assertTrue(requests.advised.all.isEmpty())

        presenter.onEvent(CaseEvent.AdviceChanged(AdviceDraft(" Kératose séborrhéique ", "Surveillance", InPerson.ROUTINE)))
        presenter.onEvent(CaseEvent.Act(CaseAction.ADVISE))
        runCurrent()
        val (_, advice) = requests.advised.all.single()
        assertEquals("Kératose séborrhéique", advice.assessment)
        assertEquals(InPerson.ROUTINE, advice.inPerson)
        assertNull(presenter.state.value.error)
        assertEquals(AdviceDraft(), presenter.state.value.advice)
    }

    @Test
    fun `the requesting GP closes an answered request with an outcome and gets the report's place`() = runTest {
        val report = ClosedCase(pdfPath = "/data/reports/IM-TEST.pdf", jsonPath = "/data/reports/IM-TEST.json")
        requests.closeResult = { _, _ -> Outcome.Success(report) }
        val answered = details(room, status = CaseStatus.ANSWERED, isRequest = true, acceptedBy = DERM)
        val taker = open(DERM, answered, allowed(CaseRole.TAKER, CaseAction.WRITE, CaseAction.ADVISE))
        assertEquals(listOf(CaseAction.ADVISE), taker.state.value.barActions, "the taker may refine the advice")
        val presenter = open(GP, answered, allowed(CaseRole.REQUESTER, CaseAction.WRITE, CaseAction.CLOSE_WITH_REPORT))
        assertEquals(listOf(CaseAction.CLOSE_WITH_REPORT), presenter.state.value.barActions)

        presenter.onEvent(CaseEvent.Act(CaseAction.CLOSE_WITH_REPORT))
        assertEquals(CaseScreenError.OutcomeMissing, presenter.state.value.error)
        presenter.onEvent(CaseEvent.OutcomeChanged("Surveillance par le médecin traitant"))
        presenter.onEvent(CaseEvent.Act(CaseAction.CLOSE_WITH_REPORT))
        runCurrent()
        assertEquals(room to "Surveillance par le médecin traitant", requests.closed.all.single())
        assertEquals(report, presenter.state.value.report)

    }

    @Test
    fun `the doctor who opened a case between colleagues marks it answered then closes it, as the core allows after each step`() = runTest {
        val running = arrayOf(CaseAction.WRITE, CaseAction.CLOSE, CaseAction.INVITE, CaseAction.REMOVE)
        val presenter = open(GP, details(room), allowed(CaseRole.REQUESTER, CaseAction.MARK_ANSWERED, *running))
        cases.setStatusResult = { _, status ->
            decided = if (status == CaseStatus.CLOSED) allowed(CaseRole.REQUESTER) else allowed(CaseRole.REQUESTER, *running)
            Outcome.Done
        }
        assertEquals(CaseRole.REQUESTER, presenter.state.value.role)
        assertEquals(listOf(CaseAction.MARK_ANSWERED, CaseAction.CLOSE), presenter.state.value.barActions)
        assertTrue(presenter.state.value.composerEnabled && presenter.state.value.canInvite)
        presenter.onEvent(CaseEvent.Act(CaseAction.MARK_ANSWERED))
        runCurrent()
        assertEquals(listOf(CaseAction.CLOSE), presenter.state.value.barActions, "the core's answer read again after the action")
        presenter.onEvent(CaseEvent.Act(CaseAction.CLOSE))
        runCurrent()
        assertEquals(listOf(CaseStatus.ANSWERED, CaseStatus.CLOSED), cases.statuses.all.map { it.second })
        assertTrue(presenter.state.value.actions.isEmpty())
        assertFalse(presenter.state.value.composerEnabled || presenter.state.value.canInvite, "closed: the composer and the invite button go")
    }

    @Test
    fun `a colleague who did not open the case may neither mark it answered nor close it`() = runTest {
        val presenter = open(DERM, details(room), allowed(CaseRole.MEMBER, CaseAction.WRITE))
        assertEquals(CaseRole.MEMBER, presenter.state.value.role)
        assertTrue(presenter.state.value.barActions.isEmpty())
        presenter.onEvent(CaseEvent.Act(CaseAction.MARK_ANSWERED))
        presenter.onEvent(CaseEvent.Act(CaseAction.CLOSE))
        runCurrent()
        assertTrue(cases.statuses.all.isEmpty(), "nothing is sent")
        assertTrue(presenter.state.value.composerEnabled, "the colleague still writes")
        val answered = open(DERM, details(room, status = CaseStatus.ANSWERED), allowed(CaseRole.MEMBER, CaseAction.WRITE))
        assertTrue(answered.state.value.barActions.isEmpty())
    }

    @Test
    fun `a status change the core refuses is said`() = runTest {
        val presenter = open(GP, details(room), allowed(CaseRole.REQUESTER, CaseAction.WRITE, CaseAction.MARK_ANSWERED, CaseAction.CLOSE))
        cases.setStatusResult = { _, _ -> Outcome.Failure(CaseError.NotAllowed) }
        presenter.onEvent(CaseEvent.Act(CaseAction.MARK_ANSWERED))
        runCurrent()
        assertEquals(CaseScreenError.Case(CaseError.NotAllowed), presenter.state.value.error)
        assertNull(presenter.state.value.busy)
    }

    @Test
    fun `an action the core does not allow is ignored`() = runTest {
        val requested = details(room, status = CaseStatus.REQUESTED, isRequest = true)
        val presenter = open(GP, requested, allowed(CaseRole.REQUESTER, handover = HandoverWait.NOT_TAKEN))
        presenter.onEvent(CaseEvent.Act(CaseAction.TAKE))
        presenter.onEvent(CaseEvent.Act(CaseAction.ADVISE))
        runCurrent()
        assertTrue(requests.taken.all.isEmpty() && requests.advised.all.isEmpty())
    }

    @Test
    fun `the composer sends trimmed text or a reply, and keeps the text when sending fails`() = runTest {
        val presenter = open(DERM, details(room), allowed(CaseRole.MEMBER, CaseAction.WRITE))
        conversations.sendResult = { Outcome.Done }
        presenter.onEvent(CaseEvent.ComposerChanged("   "))
        assertFalse(presenter.state.value.canSend)
        presenter.onEvent(CaseEvent.ComposerChanged(" Bonjour "))
        presenter.onEvent(CaseEvent.Send)
        runCurrent()
        presenter.onEvent(CaseEvent.ReplyTo(EventId("\$q")))
        presenter.onEvent(CaseEvent.ComposerChanged("Oui"))
        presenter.onEvent(CaseEvent.Send)
        runCurrent()
        assertEquals(
            listOf(FakeConversationService.Sent(room, "Bonjour", null), FakeConversationService.Sent(room, "Oui", EventId("\$q"))),
            conversations.sent.all,
        )
        assertEquals("", presenter.state.value.composer)
        assertNull(presenter.state.value.replyingTo)

        conversations.sendResult = { Outcome.Failure(ConversationError.HomeserverUnreachable) }
        presenter.onEvent(CaseEvent.ComposerChanged("Encore"))
        presenter.onEvent(CaseEvent.Send)
        runCurrent()
        assertEquals("Encore", presenter.state.value.composer)
        assertEquals(CaseScreenError.Conversation(ConversationError.HomeserverUnreachable), presenter.state.value.error)
    }

    @Test
    fun `a conversation that cannot open shows a typed error`() = runTest {
        conversations.unavailable[room] = ConversationError.NotJoined
        val presenter = open(DERM, details(room), allowed(CaseRole.MEMBER, CaseAction.WRITE))
        assertEquals(CaseScreenError.Conversation(ConversationError.NotJoined), presenter.state.value.error)
    }

    @Test
    fun `accepting from the case screen opens the conversation`() = runTest {
        var joined = false
        cases.acceptResult = { joined = true; decided = allowed(CaseRole.MEMBER, CaseAction.WRITE); Outcome.Done }
        val presenter = open(DERM, details(room, membership = Membership.INVITED), allowed(CaseRole.INVITED, CaseAction.ACCEPT, CaseAction.DECLINE))
        cases.detailsResult = { Outcome.Success(details(room, membership = if (joined) Membership.JOINED else Membership.INVITED)) }
        presenter.onEvent(CaseEvent.Act(CaseAction.ACCEPT))
        runCurrent()
        assertEquals(HEADER, presenter.state.value.header)
        assertEquals(CaseRole.MEMBER, presenter.state.value.role)
        assertTrue(presenter.state.value.composerEnabled)
    }

    @Test
    fun `after a sync gap the header, requester and actions stay, and the history is loaded again`() = runTest {
        val answered = details(room, status = CaseStatus.ANSWERED, isRequest = true, acceptedBy = DERM)
        val presenter = open(GP, answered, allowed(CaseRole.REQUESTER, CaseAction.WRITE, CaseAction.CLOSE_WITH_REPORT))
        assertEquals(listOf(CaseAction.CLOSE_WITH_REPORT), presenter.state.value.barActions)
        conversations.itemsOf(room).value = listOf(text(DERM, "Avis envoyé"))
        runCurrent()
        assertEquals(HEADER, presenter.state.value.header)
        assertEquals(GP, presenter.state.value.requester)
        assertEquals(CaseRole.REQUESTER, presenter.state.value.role)
        assertEquals(listOf(CaseAction.CLOSE_WITH_REPORT), presenter.state.value.barActions)
        assertEquals(listOf(room, room), conversations.historyLoads.all)
    }

    @Test
    fun `the deadline is the core's, due soon included, and follows it when the case's row changes`() = runTest {
        val requested = details(room, status = CaseStatus.REQUESTED, isRequest = true)
        val dueSoon = Deadline(DeadlineState.DUE_SOON, 1_700_086_400_000)
        val presenter = open(GP, requested, allowed(CaseRole.REQUESTER, handover = HandoverWait.NOT_TAKEN, deadline = dueSoon))
        assertEquals(dueSoon, presenter.state.value.deadline)

        decided = decided.copy(deadline = dueSoon.copy(state = DeadlineState.OVERDUE))
        cases.update(room) { it.copy(unread = 1) }
        runCurrent()
        assertEquals(DeadlineState.OVERDUE, presenter.state.value.deadline?.state)
        assertNull(open(GP, details(room), allowed(CaseRole.REQUESTER, CaseAction.WRITE)).state.value.deadline, "none between colleagues")
    }
}
