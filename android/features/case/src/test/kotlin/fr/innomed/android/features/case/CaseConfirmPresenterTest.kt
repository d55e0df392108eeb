package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.HandoverWait
import fr.innomed.android.api.cases.Unvouched
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.noNextStep
import fr.innomed.android.test.GP
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.headerCard
import fr.innomed.android.test.message
import fr.innomed.android.test.row
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Confirming a member neither verified by the doctor nor attested by their CPTS, from the
 * unvouched members' banner: the core sends nothing into the case until then (a request taken by
 * such a specialist is not handed over), as the core says it (scripted here in the fake).
 */
class CaseConfirmPresenterTest {
    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val room = row("case").roomId

    /** The core's answers now; each read of who is unvouched is counted. */
    private var decided: CaseActions = allowed(CaseRole.REQUESTER, CaseAction.CONFIRM_MEMBER, handover = HandoverWait.CONFIRM_TAKER)
    private var unvouched = listOf(UnvouchedMember(DERM, Unvouched.NOT_CONFIRMED))
    private var unvouchedReads = 0

    private fun TestScope.open(vararg items: ConversationItem): CasePresenter {
        cases.rows.value = listOf(row("case", status = CaseStatus.ACCEPTED, isRequest = true))
        cases.detailsResult = { Outcome.Success(details(room, status = CaseStatus.ACCEPTED, isRequest = true, acceptedBy = DERM)) }
        cases.allowedResult = { Outcome.Success(decided) }
        cases.unvouchedResult = { unvouchedReads++; Outcome.Success(unvouched) }
        cases.membersResult = { Outcome.Success(emptyList()) }
        cases.briefResult = { Outcome.Success(null) }
        conversations.itemsOf(room).value = items.toList()
        return CasePresenter(backgroundScope, room, cases, conversations, noNextStep(), discardPhoto = {}, FakeDocumentViewer())
            .also { runCurrent() }
    }

    private fun joined(user: UserId) = message(user, MessageKind.Membership(user, "Joined"), eventId = "\$join-${user.value}")

    @Test
    fun `the GP confirms the specialist who took the request, and the case is handed over`() = runTest {
        val presenter = open(headerCard(), joined(DERM))
        val before = presenter.state.value
        assertEquals(HandoverWait.CONFIRM_TAKER, before.handover)
        assertTrue(before.canConfirm)
        assertTrue(before.barActions.isEmpty(), "confirming is the banner's button, not the action bar's")
        assertEquals(listOf(UnvouchedMember(DERM, Unvouched.NOT_CONFIRMED)), before.unvouched)
        val reads = unvouchedReads

        val answer = CompletableDeferred<Outcome<Unit, CaseError>>()
        cases.confirmResult = { _, _ -> answer.await() }
        presenter.onEvent(CaseEvent.ConfirmMember(DERM))
        runCurrent()
        assertEquals(DERM, presenter.state.value.confirming)
        presenter.onEvent(CaseEvent.ConfirmMember(DERM))
        runCurrent()

        decided = allowed(CaseRole.REQUESTER, CaseAction.WRITE)
        unvouched = emptyList()
        answer.complete(Outcome.Done)
        runCurrent()
        assertEquals(listOf(room to DERM), cases.confirmed.all, "one confirmation at a time")
        val after = presenter.state.value
        assertNull(after.confirming)
        assertNull(after.error)
        assertEquals(reads + 1, unvouchedReads, "who is unvouched is read again at once")
        assertTrue(after.unvouched.isEmpty())
        assertNull(after.handover)
        assertFalse(after.canConfirm)
        assertTrue(after.composerEnabled)
        assertTrue(conversations.historyLoads.all.size >= 2, "handed over: the history is read again")
    }

    @Test
    fun `a refused confirmation is shown and the member stays unconfirmed`() = runTest {
        val presenter = open(headerCard(), joined(DERM))
        cases.confirmResult = { _, _ -> Outcome.Failure(CaseError.HomeserverUnreachable) }
        presenter.onEvent(CaseEvent.ConfirmMember(DERM))
        runCurrent()
        val state = presenter.state.value
        assertEquals(CaseScreenError.Case(CaseError.HomeserverUnreachable), state.error)
        assertNull(state.confirming)
        assertEquals(HandoverWait.CONFIRM_TAKER, state.handover)
        assertEquals(listOf(UnvouchedMember(DERM, Unvouched.NOT_CONFIRMED)), state.unvouched)
    }

    @Test
    fun `nothing is confirmed while the core does not allow it`() = runTest {
        decided = allowed(CaseRole.TAKER, handover = HandoverWait.AWAITING_REQUESTER)
        val presenter = open(joined(DERM))
        assertFalse(presenter.state.value.canConfirm)
        presenter.onEvent(CaseEvent.ConfirmMember(GP))
        runCurrent()
        assertTrue(cases.confirmed.all.isEmpty())
        assertNull(presenter.state.value.confirming)
    }
}
