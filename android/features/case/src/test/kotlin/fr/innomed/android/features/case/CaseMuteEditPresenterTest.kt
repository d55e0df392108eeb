package fr.innomed.android.features.case

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.conversation.CaseMessage
import fr.innomed.android.api.conversation.ConversationError
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeConversationService.Sent
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.GP
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.headerCard
import fr.innomed.android.test.message
import fr.innomed.android.test.row
import fr.innomed.android.test.text
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.requests.ClosedCase
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Muting a case, changing one's own message and handing the report on, from the case screen. */
class CaseMuteEditPresenterTest {
    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val requests = FakeRequestService()
    private val room = row("case").roomId
    private val mine = text(GP, "Lésion à surveiller")
    private val theirs = text(DERM, "Photo reçue")

    private fun TestScope.open(muted: Boolean = false): CasePresenter {
        cases.rows.value = listOf(row("case", muted = muted))
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.membersResult = { Outcome.Success(emptyList()) }
        var mutedNow = muted
        cases.detailsResult = { Outcome.Success(details(room, muted = mutedNow)) }
        cases.muteResult = { _, wanted -> mutedNow = wanted; Outcome.Done }
        cases.allowedResult = { Outcome.Success(allowed(CaseRole.REQUESTER, CaseAction.WRITE, CaseAction.INVITE)) }
        conversations.itemsOf(room).value = listOf(headerCard(sender = GP, me = GP), mine, theirs)
        return CasePresenter(backgroundScope, room, cases, conversations, requests, discardPhoto = {}, viewer = FakeDocumentViewer()).also { runCurrent() }
    }

    private val ConversationItem.Message.id: EventId get() = message.eventId!!

    @Test
    fun `muting asks the core, and the screen shows what the core reads back`() = runTest {
        val presenter = open()
        assertFalse(presenter.state.value.muted)
        presenter.onEvent(CaseEvent.SetMuted(true))
        runCurrent()
        assertEquals(listOf(room to true), cases.mutes.all)
        assertTrue(presenter.state.value.muted)
        assertFalse(presenter.state.value.muting)

        presenter.onEvent(CaseEvent.SetMuted(false))
        runCurrent()
        assertFalse(presenter.state.value.muted)
    }

    @Test
    fun `offline, muting fails with the core's error and the case stays as it was`() = runTest {
        val presenter = open()
        cases.muteResult = { _, _ -> Outcome.Failure(CaseError.HomeserverUnreachable) }
        presenter.onEvent(CaseEvent.SetMuted(true))
        runCurrent()
        assertEquals(CaseScreenError.Case(CaseError.HomeserverUnreachable), presenter.state.value.error)
        assertFalse(presenter.state.value.muted)
        assertFalse(presenter.state.value.muting)
    }

    @Test
    fun `a long press on one's own text puts it in the composer, and saving replaces it`() = runTest {
        conversations.sendResult = { Outcome.Done }
        val presenter = open()
        presenter.onEvent(CaseEvent.ReplyTo(theirs.id))
        presenter.onEvent(CaseEvent.StartEdit(mine.message))
        with(presenter.state.value) {
            assertEquals(mine.id, editing)
            assertNull(replyingTo, "an edit is not a reply")
            assertEquals("Lésion à surveiller", composer)
        }
        presenter.onEvent(CaseEvent.ComposerChanged("Lésion à surveiller, 6 mm"))
        presenter.onEvent(CaseEvent.Send)
        runCurrent()
        assertEquals(Sent(room, "Lésion à surveiller, 6 mm", null, replaces = mine.id), conversations.sent.last)
        assertNull(presenter.state.value.editing)
        assertEquals("", presenter.state.value.composer)
    }

    @Test
    fun `only the doctor's own sent texts can be changed, and a failed edit keeps the new text`() = runTest {
        val presenter = open()
        presenter.onEvent(CaseEvent.StartEdit(theirs.message))
        assertNull(presenter.state.value.editing, "a colleague's message")
        val echo: CaseMessage = message(GP, MessageKind.Text("en cours"), eventId = null, transactionId = "t1").message
        assertFalse(echo.editable, "not at the homeserver yet")
        presenter.onEvent(CaseEvent.StartEdit(echo))
        assertNull(presenter.state.value.editing)

        conversations.sendResult = { Outcome.Failure(ConversationError.MessageNotFound) }
        presenter.onEvent(CaseEvent.StartEdit(mine.message))
        presenter.onEvent(CaseEvent.ComposerChanged("texte corrigé"))
        presenter.onEvent(CaseEvent.Send)
        runCurrent()
        with(presenter.state.value) {
            assertEquals(CaseScreenError.Conversation(ConversationError.MessageNotFound), error)
            assertEquals("texte corrigé", composer)
            assertEquals(mine.id, editing)
        }
        presenter.onEvent(CaseEvent.CancelEdit)
        assertNull(presenter.state.value.editing)
        assertEquals("", presenter.state.value.composer)
    }

    @Test
    fun `the report written at closing is opened, then shared, by the app, once each`() = runTest {
        val presenter = open()
        presenter.onEvent(CaseEvent.OpenReport(share = false))
        assertNull(presenter.state.value.reportRequest, "no report before closing")

        val report = ClosedCase(pdfPath = "/data/reports/IM-TEST.pdf", jsonPath = "/data/reports/IM-TEST.json")
        requests.closeResult = { _, _ -> Outcome.Success(report) }
        cases.allowedResult = { Outcome.Success(allowed(CaseRole.REQUESTER, CaseAction.WRITE, CaseAction.CLOSE_WITH_REPORT)) }
        presenter.onEvent(CaseEvent.ComposerChanged(""))
        conversations.itemsOf(room).value = conversations.itemsOf(room).value + text(DERM, "Avis envoyé")
        runCurrent()
        presenter.onEvent(CaseEvent.OutcomeChanged("Exérèse programmée"))
        presenter.onEvent(CaseEvent.Act(CaseAction.CLOSE_WITH_REPORT))
        runCurrent()
        assertEquals(report, presenter.state.value.report)

        presenter.onEvent(CaseEvent.OpenReport(share = false))
        assertEquals(ReportRequest("/data/reports/IM-TEST.pdf", share = false), presenter.state.value.reportRequest)
        presenter.onEvent(CaseEvent.ReportHandled)
        assertNull(presenter.state.value.reportRequest)
        presenter.onEvent(CaseEvent.OpenReport(share = true))
        assertEquals(ReportRequest("/data/reports/IM-TEST.pdf", share = true), presenter.state.value.reportRequest)
    }
}
