package fr.innomed.android.features.membership

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.cpts.CptsInfo
import fr.innomed.android.api.cpts.JoinRequestError
import fr.innomed.android.api.cpts.OwnCpts
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.FakeJoinRequestService
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
 * A doctor the coordinator approved (or added) finds the CPTS's invitation on the screen and
 * joins it; the CPTS is then theirs, as a member's. The join requests are the coordinator's only.
 */
class InvitationPresenterTest {
    private val service = FakeJoinRequestService()
    private val valDessai = CptsInfo("!valdessai:cpts.test", "CPTS du Val d'Essai")
    private var joined = false

    init {
        service.ownResult = {
            if (joined) Outcome.Success(OwnCpts(valDessai, coordinator = false)) else Outcome.Failure(JoinRequestError.NoCpts)
        }
        service.invitationsResult = { Outcome.Success(listOf(valDessai)) }
    }

    private fun TestScope.presenter() = MembershipPresenter(backgroundScope, service, FakeDirectoryService()).also { runCurrent() }

    @Test
    fun `the CPTS that accepted the doctor shows beside the forms, is joined once, and is then the doctor's`() = runTest {
        val answer = CompletableDeferred<Outcome<CptsInfo, JoinRequestError>>()
        service.acceptResult = { answer.await() }
        val presenter = presenter()
        assertTrue(presenter.state.value.inNoCpts, "still in no CPTS: the forms show too")
        assertEquals(listOf(valDessai), presenter.state.value.invitations)
        assertNull(presenter.state.value.error)

        presenter.onEvent(MembershipEvent.Accept(valDessai))
        presenter.onEvent(MembershipEvent.Accept(valDessai))
        runCurrent()
        assertEquals(valDessai.spaceId, presenter.state.value.accepting)
        assertFalse(presenter.state.value.canAccept, "one join per tap")
        joined = true
        answer.complete(Outcome.Success(valDessai))
        runCurrent()

        assertEquals(listOf(valDessai.spaceId), service.accepts.all)
        val state = presenter.state.value
        assertFalse(state.inNoCpts, "the doctor's CPTS now, as the core gives it")
        assertEquals(valDessai, state.cpts)
        assertFalse(state.coordinator)
        assertTrue(state.invitations.isEmpty())
        assertNull(state.accepting)
        assertNull(state.error)
        assertEquals(0, service.listings, "a member who does not coordinate is not shown join requests")
    }

    @Test
    fun `a refused join is said in its kind, the invitation stays and is tried again`() = runTest {
        service.acceptResult = { Outcome.Failure(JoinRequestError.HomeserverUnreachable) }
        val presenter = presenter()
        presenter.onEvent(MembershipEvent.Accept(valDessai))
        runCurrent()
        var state = presenter.state.value
        assertEquals(JoinRequestError.HomeserverUnreachable, state.error)
        assertEquals(listOf(valDessai), state.invitations)
        assertTrue(state.inNoCpts)
        assertNull(state.accepting)
        assertTrue(state.canAccept)

        presenter.onEvent(MembershipEvent.DismissError)
        service.acceptResult = { Outcome.Failure(JoinRequestError.NotAllowed) }
        presenter.onEvent(MembershipEvent.Accept(valDessai))
        runCurrent()
        state = presenter.state.value
        assertEquals(JoinRequestError.NotAllowed, state.error, "an invitation withdrawn meanwhile: the core's word")
        assertEquals(listOf(valDessai), state.invitations)
        assertEquals(listOf(valDessai.spaceId, valDessai.spaceId), service.accepts.all)
    }

    @Test
    fun `only a CPTS that invited the doctor is joined`() = runTest {
        val presenter = presenter()
        presenter.onEvent(MembershipEvent.Accept(CptsInfo("!ailleurs:cpts.test", "CPTS d'ailleurs")))
        runCurrent()
        assertTrue(service.accepts.all.isEmpty())
        assertNull(presenter.state.value.accepting)
    }

    @Test
    fun `a member who does not coordinate sees the CPTS and no join requests`() = runTest {
        joined = true
        val presenter = presenter()
        val state = presenter.state.value
        assertFalse(state.loading)
        assertFalse(state.inNoCpts)
        assertEquals(valDessai, state.cpts)
        assertFalse(state.coordinator)
        assertTrue(state.requests.isEmpty())
        assertEquals(0, service.listings, "the core would refuse a non-coordinator's answers: not asked")
        assertEquals(0, service.invitationListings)
    }

    @Test
    fun `invitations that cannot be read are an error, the forms still shown`() = runTest {
        service.invitationsResult = { Outcome.Failure(JoinRequestError.Other("CptsException.Case")) }
        val presenter = presenter()
        val state = presenter.state.value
        assertTrue(state.inNoCpts)
        assertTrue(state.invitations.isEmpty())
        assertEquals(JoinRequestError.Other("CptsException.Case"), state.error)
    }
}
