package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseMember
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.trust.TrustLevel
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.GP
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.headerCard
import fr.innomed.android.test.row
import fr.innomed.android.test.specialist
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.advanceTimeBy
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

    private val directory = FakeDirectoryService()

    private fun TestScope.open(
        details: CaseDetails = details(room),
        core: CaseActions = opener,
        withDirectory: Boolean = false,
    ): CasePresenter {
        cases.rows.value = listOf(row("case"))
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.membersResult = { Outcome.Success(listOf(CaseMember(GP, Membership.JOINED, "Dr Paul Martin", emptyList(), true, TrustLevel.VERIFIED))) }
        cases.detailsResult = { Outcome.Success(details) }
        cases.allowedResult = { Outcome.Success(core) }
        conversations.itemsOf(room).value = listOf(headerCard(sender = GP, me = GP))
        return CasePresenter(
            backgroundScope, room, cases, conversations, FakeRequestService(), discardPhoto = {}, viewer = FakeDocumentViewer(),
            directory = directory.takeIf { withDirectory },
        ).also { runCurrent() }
    }

    /** Longer than the dialog waits after the last key before it searches. */
    private fun TestScope.pause() {
        advanceTimeBy(1_000)
        runCurrent()
    }

    @Test
    fun `a colleague found by name in the CPTS directory is picked, confirmed and invited by id`() = runTest {
        val lefevre = specialist(colleague, "Dr Léa Lefèvre")
        directory.searchResult = { _, _ -> Outcome.Success(listOf(specialist(GP, "Dr Paul Martin", "general_practice"), lefevre)) }
        cases.inviteResult = { _, _ -> Outcome.Done }
        val presenter = open(withDirectory = true)
        presenter.onEvent(CaseEvent.OpenInvite)
        assertTrue(presenter.state.value.invite!!.canSearch)

        presenter.onEvent(CaseEvent.InviteSearchChanged("l"))
        pause()
        assertTrue(directory.searches.all.isEmpty(), "one letter searches nothing")
        presenter.onEvent(CaseEvent.InviteSearchChanged("le"))
        presenter.onEvent(CaseEvent.InviteSearchChanged("lef"))
        pause()
        assertEquals(listOf(null to "lef"), directory.searches.all, "typing fast searches once")
        assertEquals(listOf(lefevre), presenter.state.value.invite?.matches, "who is in the case already is not offered")

        presenter.onEvent(CaseEvent.InviteePicked(lefevre))
        assertEquals(colleague.value, presenter.state.value.invite?.userId)
        assertEquals(lefevre, presenter.state.value.invite?.picked)
        presenter.onEvent(CaseEvent.SendInvite)
        runCurrent()
        assertEquals(listOf(room to colleague), cases.invited.all)
    }

    @Test
    fun `without a directory the dialog offers the id only`() = runTest {
        val presenter = open()
        presenter.onEvent(CaseEvent.OpenInvite)
        presenter.onEvent(CaseEvent.InviteSearchChanged("lef"))
        pause()
        assertFalse(presenter.state.value.invite!!.canSearch)
        assertTrue(directory.searches.all.isEmpty())
    }

    @Test
    fun `the colleague's trimmed id is invited and the dialog closes`() = runTest {
        cases.inviteResult = { _, _ -> Outcome.Done }
        val presenter = open()
        assertTrue(presenter.state.value.canInvite)
        presenter.onEvent(CaseEvent.OpenInvite)
        assertEquals(InviteDialog(canSearch = false), presenter.state.value.invite)

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
