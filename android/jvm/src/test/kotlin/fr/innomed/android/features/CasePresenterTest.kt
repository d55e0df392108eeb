package fr.innomed.android.features

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.conversation.MessageContent
import fr.innomed.android.api.conversation.MessageError
import fr.innomed.android.api.conversation.TimelineEntry
import fr.innomed.android.api.requests.ClosedReport
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.features.case.AdviceDraft
import fr.innomed.android.features.case.CaseAction
import fr.innomed.android.features.case.CaseEvent
import fr.innomed.android.features.case.CasePresenter
import fr.innomed.android.features.case.CaseRole
import fr.innomed.android.features.case.CaseScreenError
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeRequestService
import java.io.File
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class CasePresenterTest {
    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val requests = FakeRequestService()
    private val discarded = mutableListOf<File>()
    private val room = row("case").roomId

    /** The case is in the list and its details say [details]; the timeline holds the GP's header. */
    private fun TestScope.open(me: UserId, details: CaseDetails, invitedToRequest: Boolean = false): CasePresenter {
        val membership = details.membership
        cases.rows.value = listOf(row("case", membership = membership, isRequest = invitedToRequest || details.isRequest))
        var current = details
        cases.detailsResult = { Outcome.Success(current) }
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.briefResult = { Outcome.Success(null) }
        cases.awaitingHandoverResult = { Outcome.Success(false) }
        cases.setStatusResult = { _, status -> current = current.copy(status = status); Outcome.Done }
        conversations.entries(room).value = listOf(headerCard(sender = GP, me = me), text(GP, "Photo à suivre", me))
        return CasePresenter(backgroundScope, room, me, cases, conversations, requests, discarded::add).also { runCurrent() }
    }

    @Test
    fun `the timeline shows the header card and messages, after loading the history`() = runTest {
        val presenter = open(DERM, details(room))
        val state = presenter.state.value
        assertEquals(HEADER, state.header)
        assertEquals(2, state.items.size)
        assertEquals(MessageContent.Text("Photo à suivre"), (state.items[1] as TimelineEntry.Message).content)
        assertEquals(listOf(room), conversations.historyLoads.all)
        assertTrue(conversations.reads.all.isNotEmpty(), "the case is marked read while shown")
    }

    @Test
    fun `an invitation offers accept or decline and shows no timeline yet`() = runTest {
        cases.acceptResult = { Outcome.Done }
        val presenter = open(DERM, details(room, membership = Membership.INVITED))
        assertEquals(CaseRole.INVITED, presenter.state.value.role)
        assertEquals(setOf(CaseAction.ACCEPT, CaseAction.DECLINE), presenter.state.value.actions)
        assertFalse(presenter.state.value.composerEnabled)
        assertTrue(conversations.historyLoads.all.isEmpty())
    }

    @Test
    fun `an invitation to a request is taken directly`() = runTest {
        val presenter = open(DERM, details(room, membership = Membership.INVITED), invitedToRequest = true)
        assertEquals(setOf(CaseAction.TAKE, CaseAction.DECLINE), presenter.state.value.actions)
    }

    @Test
    fun `a request waiting for a specialist may be taken by the specialist, not by the requesting GP`() = runTest {
        val waiting = details(room, status = CaseStatus.REQUESTED, isRequest = true)
        assertEquals(setOf(CaseAction.TAKE), open(DERM, waiting).state.value.actions)
        val gpView = open(GP, waiting).state.value
        assertEquals(CaseRole.REQUESTER, gpView.role)
        assertTrue(gpView.actions.isEmpty())
    }

    @Test
    fun `taking a request someone else took shows AlreadyTaken`() = runTest {
        requests.takeResult = { Outcome.Failure(RequestError.AlreadyTaken) }
        val presenter = open(DERM, details(room, status = CaseStatus.REQUESTED, isRequest = true))
        presenter.onEvent(CaseEvent.Act(CaseAction.TAKE))
        runCurrent()
        assertEquals(CaseScreenError.Request(RequestError.AlreadyTaken), presenter.state.value.error)
        assertNull(presenter.state.value.busy)
    }

    @Test
    fun `the expert advises only with a complete advice`() = runTest {
        requests.adviceResult = { _, _ -> Outcome.Done }
        val presenter = open(DERM, details(room, status = CaseStatus.ACCEPTED, isRequest = true, acceptedBy = DERM))
        assertEquals(CaseRole.EXPERT, presenter.state.value.role)
        assertEquals(setOf(CaseAction.ADVISE), presenter.state.value.actions)

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
        val report = ClosedReport(pdfPath = "/data/reports/IM-TEST.pdf", jsonPath = "/data/reports/IM-TEST.json")
        requests.closeResult = { _, _ -> Outcome.Success(report) }
        val answered = details(room, status = CaseStatus.ANSWERED, isRequest = true, acceptedBy = DERM)
        assertEquals(setOf(CaseAction.ADVISE), open(DERM, answered).state.value.actions, "the expert may refine the advice")
        val presenter = open(GP, answered)
        assertEquals(setOf(CaseAction.CLOSE_WITH_REPORT), presenter.state.value.actions)

        presenter.onEvent(CaseEvent.Act(CaseAction.CLOSE_WITH_REPORT))
        assertEquals(CaseScreenError.OutcomeMissing, presenter.state.value.error)
        presenter.onEvent(CaseEvent.OutcomeChanged("Surveillance par le médecin traitant"))
        presenter.onEvent(CaseEvent.Act(CaseAction.CLOSE_WITH_REPORT))
        runCurrent()
        assertEquals(room to "Surveillance par le médecin traitant", requests.closed.all.single())
        assertEquals(report, presenter.state.value.report)
    }

    @Test
    fun `the doctor who opened a case between colleagues marks it answered then closes it, which ends the composer`() = runTest {
        val presenter = open(GP, details(room))
        assertEquals(CaseRole.REQUESTER, presenter.state.value.role)
        assertEquals(setOf(CaseAction.MARK_ANSWERED, CaseAction.CLOSE), presenter.state.value.actions)
        assertTrue(presenter.state.value.composerEnabled)
        presenter.onEvent(CaseEvent.Act(CaseAction.MARK_ANSWERED))
        runCurrent()
        assertEquals(setOf(CaseAction.CLOSE), presenter.state.value.actions)
        presenter.onEvent(CaseEvent.Act(CaseAction.CLOSE))
        runCurrent()
        assertEquals(listOf(CaseStatus.ANSWERED, CaseStatus.CLOSED), cases.statuses.all.map { it.second })
        assertTrue(presenter.state.value.actions.isEmpty())
        assertFalse(presenter.state.value.composerEnabled)
    }

    @Test
    fun `a colleague who did not open the case may neither mark it answered nor close it`() = runTest {
        val presenter = open(DERM, details(room))
        assertEquals(CaseRole.MEMBER, presenter.state.value.role)
        assertTrue(presenter.state.value.actions.isEmpty())
        presenter.onEvent(CaseEvent.Act(CaseAction.MARK_ANSWERED))
        presenter.onEvent(CaseEvent.Act(CaseAction.CLOSE))
        runCurrent()
        assertTrue(cases.statuses.all.isEmpty(), "nothing is sent")
        assertTrue(presenter.state.value.composerEnabled, "the colleague still writes")
        assertTrue(open(DERM, details(room, status = CaseStatus.ANSWERED)).state.value.actions.isEmpty())
    }

    @Test
    fun `a status change the core refuses is said`() = runTest {
        val presenter = open(GP, details(room))
        cases.setStatusResult = { _, _ -> Outcome.Failure(CaseError.NotAllowed) }
        presenter.onEvent(CaseEvent.Act(CaseAction.MARK_ANSWERED))
        runCurrent()
        assertEquals(CaseScreenError.Case(CaseError.NotAllowed), presenter.state.value.error)
        assertNull(presenter.state.value.busy)
    }

    @Test
    fun `an action the role does not allow is ignored`() = runTest {
        val presenter = open(GP, details(room, status = CaseStatus.REQUESTED, isRequest = true))
        presenter.onEvent(CaseEvent.Act(CaseAction.TAKE))
        presenter.onEvent(CaseEvent.Act(CaseAction.ADVISE))
        runCurrent()
        assertTrue(requests.taken.all.isEmpty() && requests.advised.all.isEmpty())
    }

    @Test
    fun `the composer sends trimmed text or a reply, and keeps the text when sending fails`() = runTest {
        val presenter = open(DERM, details(room))
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

        conversations.sendResult = { Outcome.Failure(MessageError.HomeserverUnreachable) }
        presenter.onEvent(CaseEvent.ComposerChanged("Encore"))
        presenter.onEvent(CaseEvent.Send)
        runCurrent()
        assertEquals("Encore", presenter.state.value.composer)
        assertEquals(CaseScreenError.Message(MessageError.HomeserverUnreachable), presenter.state.value.error)
    }

    @Test
    fun `a timeline that cannot open shows a typed error`() = runTest {
        conversations.unavailable[room] = MessageError.NotJoined
        val presenter = open(DERM, details(room))
        assertEquals(CaseScreenError.Message(MessageError.NotJoined), presenter.state.value.error)
    }

    @Test
    fun `accepting from the case screen opens the timeline`() = runTest {
        var joined = false
        cases.acceptResult = { joined = true; Outcome.Done }
        val presenter = open(DERM, details(room, membership = Membership.INVITED))
        cases.detailsResult = { Outcome.Success(details(room, membership = if (joined) Membership.JOINED else Membership.INVITED)) }
        presenter.onEvent(CaseEvent.Act(CaseAction.ACCEPT))
        runCurrent()
        assertEquals(HEADER, presenter.state.value.header)
        assertEquals(CaseRole.MEMBER, presenter.state.value.role)
        assertTrue(presenter.state.value.composerEnabled)
    }

    @Test
    fun `after a sync gap the header and role stay, and the history is loaded again`() = runTest {
        val presenter = open(GP, details(room, status = CaseStatus.ANSWERED, isRequest = true, acceptedBy = DERM))
        assertEquals(setOf(CaseAction.CLOSE_WITH_REPORT), presenter.state.value.actions)
        conversations.entries(room).value = listOf(text(DERM, "Avis envoyé"))
        runCurrent()
        assertEquals(HEADER, presenter.state.value.header)
        assertEquals(CaseRole.REQUESTER, presenter.state.value.role)
        assertEquals(setOf(CaseAction.CLOSE_WITH_REPORT), presenter.state.value.actions)
        assertEquals(listOf(room, room), conversations.historyLoads.all)
    }
}
