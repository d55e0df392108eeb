package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.GP
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.headerCard
import fr.innomed.android.test.row
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Inviting a colleague from the case screen, while the core allows it. */
class CaseInvitePresenterTest {
    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val room = row("case").roomId
    private val colleague = UserId("@dr.lefevre:cpts.test")

    /** The GP who opened the case between colleagues: the core lets him invite while it is open. */
    private val opener = allowed(CaseRole.REQUESTER, CaseAction.WRITE, CaseAction.MARK_ANSWERED, CaseAction.CLOSE, CaseAction.INVITE, CaseAction.REMOVE)

    private fun TestScope.open(details: CaseDetails = details(room), core: CaseActions = opener): CasePresenter {
        cases.rows.value = listOf(row("case"))
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.membersResult = { Outcome.Success(emptyList()) }
        cases.detailsResult = { Outcome.Success(details) }
        cases.allowedResult = { Outcome.Success(core) }
        conversations.itemsOf(room).value = listOf(headerCard(sender = GP, me = GP))
        return CasePresenter(backgroundScope, room, cases, conversations, FakeRequestService(), discardPhoto = {})
            .also { runCurrent() }
    }

    @Test
    fun `the colleague's trimmed id is invited and the dialog closes`() = runTest {
        cases.inviteResult = { _, _ -> Outcome.Done }
        val presenter = open()
        assertTrue(presenter.state.value.canInvite)
        presenter.onEvent(CaseEvent.OpenInvite)
        assertEquals(InviteDialog(), presenter.state.value.invite)

        presenter.onEvent(CaseEvent.SendInvite)
        assertEquals(true, presenter.state.value.invite?.missing, "an empty id is marked, nothing sent")
        assertTrue(cases.invited.all.isEmpty())

        presenter.onEvent(CaseEvent.InviteeChanged("  ${colleague.value} "))
        presenter.onEvent(CaseEvent.SendInvite)
        assertEquals(true, presenter.state.value.invite?.sending)
        runCurrent()
        assertEquals(listOf(room to colleague), cases.invited.all)
        assertNull(presenter.state.value.invite)
    }

    @Test
    fun `a malformed id, or a colleague without a cross-signed identity, is said in the dialog`() = runTest {
        cases.inviteResult = { _, userId ->
            Outcome.Failure(if (userId.value.startsWith("@")) CaseError.NotCrossSigned else CaseError.InvalidUserId)
        }
        val presenter = open()
        presenter.onEvent(CaseEvent.OpenInvite)
        presenter.onEvent(CaseEvent.InviteeChanged("dr.lefevre"))
        presenter.onEvent(CaseEvent.SendInvite)
        runCurrent()
        val refused = presenter.state.value.invite
        assertEquals(CaseError.InvalidUserId, refused?.error)
        assertEquals(false, refused?.sending)
        assertEquals("dr.lefevre", refused?.userId, "the id stays for correcting it")

        presenter.onEvent(CaseEvent.InviteeChanged(colleague.value))
        assertNull(presenter.state.value.invite?.error)
        presenter.onEvent(CaseEvent.SendInvite)
        runCurrent()
        assertEquals(CaseError.NotCrossSigned, presenter.state.value.invite?.error)
        assertNull(presenter.state.value.error, "the case screen itself shows no error")

        presenter.onEvent(CaseEvent.CloseInvite)
        assertNull(presenter.state.value.invite)
    }

    @Test
    fun `nobody is invited when the core does not allow it, as in a closed case`() = runTest {
        val presenter = open(details(room, status = CaseStatus.CLOSED), allowed(CaseRole.REQUESTER))
        assertFalse(presenter.state.value.canInvite)
        presenter.onEvent(CaseEvent.OpenInvite)
        assertNull(presenter.state.value.invite)
    }
}
