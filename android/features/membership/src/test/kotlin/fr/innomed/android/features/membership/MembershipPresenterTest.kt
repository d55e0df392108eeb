package fr.innomed.android.features.membership

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cpts.CptsInfo
import fr.innomed.android.api.cpts.JoinRequest
import fr.innomed.android.api.cpts.JoinRequestError
import fr.innomed.android.api.cpts.OwnCpts
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.FakeJoinRequestService
import fr.innomed.android.test.pscPhysician
import fr.innomed.android.test.specialist
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class MembershipPresenterTest {
    private val service = FakeJoinRequestService()
    private val ines = JoinRequest(UserId("@ines.benali:cpts.test"), pscPhysician("Inès", "Benali"))
    private val noPsc = JoinRequest(UserId("@someone:cpts.test"), identity = null)
    private val spaceId = "!cpts:cpts.test"

    init {
        // The coordinator's screen, unless a test says the doctor is in no CPTS.
        service.ownResult = { Outcome.Success(OwnCpts(CptsInfo(spaceId, "CPTS du Val d'Essai"), coordinator = true)) }
        service.invitationsResult = { Outcome.Success(emptyList()) }
    }

    private fun inNoCpts() {
        service.ownResult = { Outcome.Failure(JoinRequestError.NoCpts) }
    }

    private fun TestScope.presenter() = MembershipPresenter(backgroundScope, service, FakeDirectoryService()).also { runCurrent() }

    @Test
    fun `a doctor in no CPTS gets the form, asks with the space id, and is told it went out`() = runTest {
        inNoCpts()
        val answer = CompletableDeferred<Outcome<Unit, JoinRequestError>>()
        service.askResult = { answer.await() }
        val presenter = presenter()
        assertTrue(presenter.state.value.inNoCpts)
        assertNull(presenter.state.value.error, "no CPTS is the form, not an error")
        assertFalse(presenter.state.value.canAsk)

        presenter.onEvent(MembershipEvent.SpaceIdChanged(" $spaceId "))
        presenter.onEvent(MembershipEvent.AskToJoin)
        presenter.onEvent(MembershipEvent.AskToJoin)
        runCurrent()
        assertTrue(presenter.state.value.asking)
        answer.complete(Outcome.Done)
        runCurrent()
        assertEquals(listOf(spaceId), service.asks.all)
        assertTrue(presenter.state.value.asked)
        assertFalse(presenter.state.value.asking)
    }

    @Test
    fun `an unknown space id is the typed error, cleared by editing`() = runTest {
        inNoCpts()
        service.askResult = { Outcome.Failure(JoinRequestError.CptsNotFound) }
        val presenter = presenter()
        presenter.onEvent(MembershipEvent.SpaceIdChanged("!nowhere:cpts.test"))
        presenter.onEvent(MembershipEvent.AskToJoin)
        runCurrent()
        assertEquals(JoinRequestError.CptsNotFound, presenter.state.value.askError)
        assertFalse(presenter.state.value.asked)
        presenter.onEvent(MembershipEvent.SpaceIdChanged(spaceId))
        assertNull(presenter.state.value.askError)
    }

    @Test
    fun `the coordinator sees the CPTS and the requests as the core lists them, without the form`() = runTest {
        service.requestsResult = { Outcome.Success(listOf(ines, noPsc)) }
        val presenter = presenter()
        val state = presenter.state.value
        assertFalse(state.loading)
        assertFalse(state.inNoCpts)
        assertEquals(CptsInfo(spaceId, "CPTS du Val d'Essai"), state.cpts)
        assertTrue(state.coordinator)
        assertEquals(listOf(ines, noPsc), state.requests)
        assertEquals(0, service.invitationListings, "a member's invitations are not asked for")
    }

    @Test
    fun `approving sends the chosen specialties in the list's order, then reads the list again`() = runTest {
        service.requestsResult = { Outcome.Success(listOf(ines)) }
        val entry = specialist(ines.userId, "Inès Benali")
        service.approveResult = { Outcome.Success(entry) }
        val presenter = presenter()
        presenter.onEvent(MembershipEvent.StartApproval(ines))
        presenter.onEvent(MembershipEvent.ToggleSpecialty("general_practice"))
        presenter.onEvent(MembershipEvent.ToggleSpecialty("dermatology"))
        presenter.onEvent(MembershipEvent.ToggleSpecialty("cardiology"))
        presenter.onEvent(MembershipEvent.ToggleSpecialty("cardiology"))
        presenter.onEvent(MembershipEvent.ToggleSpecialty("astrology"))
        presenter.onEvent(MembershipEvent.RetiredChanged(true))
        assertEquals(setOf("general_practice", "dermatology"), presenter.state.value.approval?.specialties)

        service.requestsResult = { Outcome.Success(emptyList()) }
        presenter.onEvent(MembershipEvent.ConfirmApproval)
        runCurrent()
        assertEquals(
            listOf(FakeJoinRequestService.Approval(ines.userId, listOf("dermatology", "general_practice"), retired = true)),
            service.approvals.all,
        )
        val state = presenter.state.value
        assertNull(state.approval)
        assertEquals(entry, state.approved)
        assertTrue(state.requests.isEmpty())
        assertTrue(state.answering.isEmpty())
        assertEquals(2, service.listings)
    }

    @Test
    fun `an asker without a verified identity cannot be approved, the core refusal is shown and the list kept`() = runTest {
        service.requestsResult = { Outcome.Success(listOf(noPsc)) }
        service.approveResult = { Outcome.Failure(JoinRequestError.NoVerifiedIdentity) }
        val presenter = presenter()
        presenter.onEvent(MembershipEvent.StartApproval(noPsc))
        presenter.onEvent(MembershipEvent.ConfirmApproval)
        runCurrent()
        val state = presenter.state.value
        assertEquals(JoinRequestError.NoVerifiedIdentity, state.error)
        assertEquals(listOf(noPsc), state.requests)
        assertNull(state.approved)
        assertEquals(1, service.listings)
        presenter.onEvent(MembershipEvent.DismissError)
        assertNull(presenter.state.value.error)
    }

    @Test
    fun `refusing once whatever the taps, then the list again, and a refusal of the core is shown`() = runTest {
        service.requestsResult = { Outcome.Success(listOf(ines)) }
        val answer = CompletableDeferred<Outcome<Unit, JoinRequestError>>()
        service.refuseResult = { answer.await() }
        val presenter = presenter()
        presenter.onEvent(MembershipEvent.Refuse(ines))
        presenter.onEvent(MembershipEvent.Refuse(ines))
        runCurrent()
        assertEquals(setOf(ines.userId), presenter.state.value.answering)
        service.requestsResult = { Outcome.Success(emptyList()) }
        answer.complete(Outcome.Done)
        runCurrent()
        assertEquals(listOf(ines.userId), service.refusals.all)
        assertTrue(presenter.state.value.requests.isEmpty())

        service.refuseResult = { Outcome.Failure(JoinRequestError.NotAllowed) }
        presenter.onEvent(MembershipEvent.Refuse(noPsc))
        runCurrent()
        assertEquals(JoinRequestError.NotAllowed, presenter.state.value.error)
        assertTrue(presenter.state.value.answering.isEmpty())
    }

    @Test
    fun `cancelling an approval sends nothing`() = runTest {
        service.requestsResult = { Outcome.Success(listOf(ines)) }
        val presenter = presenter()
        presenter.onEvent(MembershipEvent.StartApproval(ines))
        presenter.onEvent(MembershipEvent.CancelApproval)
        presenter.onEvent(MembershipEvent.ConfirmApproval)
        runCurrent()
        assertNull(presenter.state.value.approval)
        assertTrue(service.approvals.all.isEmpty())
    }

    @Test
    fun `a failed listing is its error, the CPTS still shown, and refreshing reads again`() = runTest {
        service.requestsResult = { Outcome.Failure(JoinRequestError.HomeserverUnreachable) }
        val presenter = presenter()
        assertEquals(JoinRequestError.HomeserverUnreachable, presenter.state.value.error)
        assertEquals(spaceId, presenter.state.value.cpts?.spaceId)
        service.requestsResult = { Outcome.Success(listOf(ines)) }
        presenter.onEvent(MembershipEvent.DismissError)
        presenter.onEvent(MembershipEvent.Refresh)
        runCurrent()
        assertEquals(listOf(ines), presenter.state.value.requests)
    }
}
