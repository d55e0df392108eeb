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
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** A doctor in no CPTS creates one and becomes its coordinator: the screen turns to its join requests. */
class CreateCptsPresenterTest {
    private val service = FakeJoinRequestService()
    private val created = CptsInfo("!valdessai:cpts.test", "CPTS du Val d'Essai")
    private var inCpts = false
    private val ines = JoinRequest(UserId("@ines.benali:cpts.test"), pscPhysician("Inès", "Benali"))

    init {
        service.ownResult = { if (inCpts) Outcome.Success(OwnCpts(created, coordinator = true)) else Outcome.Failure(JoinRequestError.NoCpts) }
        service.invitationsResult = { Outcome.Success(emptyList()) }
        service.requestsResult = { Outcome.Success(listOf(ines)) }
    }

    private fun TestScope.presenter() = MembershipPresenter(backgroundScope, service, FakeDirectoryService()).also { runCurrent() }

    @Test
    fun `the doctor names the CPTS, creates it once, and then sees its join requests and its id`() = runTest {
        val answer = CompletableDeferred<Outcome<CptsInfo, JoinRequestError>>()
        service.createResult = { answer.await() }
        val presenter = presenter()
        assertTrue(presenter.state.value.inNoCpts)
        assertFalse(presenter.state.value.canCreate, "an empty name waits")

        presenter.onEvent(MembershipEvent.CptsNameChanged("  CPTS du Val d'Essai "))
        presenter.onEvent(MembershipEvent.CreateCpts)
        presenter.onEvent(MembershipEvent.CreateCpts)
        runCurrent()
        assertTrue(presenter.state.value.creating)
        assertFalse(presenter.state.value.canCreate, "one CPTS per tap")
        val listingsBefore = service.listings
        inCpts = true
        answer.complete(Outcome.Success(created))
        runCurrent()

        assertEquals(listOf("CPTS du Val d'Essai"), service.creations.all)
        val state = presenter.state.value
        assertEquals(created, state.created)
        assertFalse(state.creating)
        assertEquals(listingsBefore + 1, service.listings, "the join requests, read again")
        assertFalse(state.inNoCpts, "the doctor's CPTS now")
        assertEquals(created, state.cpts)
        assertTrue(state.coordinator, "the core says the creator coordinates it")
        assertEquals(listOf(ines), state.requests)
    }

    @Test
    fun `the core's refusal is said under the name, which stays`() = runTest {
        service.createResult = { Outcome.Failure(JoinRequestError.HomeserverUnreachable) }
        val presenter = presenter()
        presenter.onEvent(MembershipEvent.CptsNameChanged("CPTS du Val d'Essai"))
        presenter.onEvent(MembershipEvent.CreateCpts)
        runCurrent()
        val state = presenter.state.value
        assertEquals(JoinRequestError.HomeserverUnreachable, state.createError)
        assertEquals("CPTS du Val d'Essai", state.cptsName)
        assertNull(state.created)
        assertTrue(state.inNoCpts)
        assertTrue(state.canCreate, "tried again with the same name")

        service.createResult = { Outcome.Failure(JoinRequestError.NoCptsName) }
        presenter.onEvent(MembershipEvent.CreateCpts)
        runCurrent()
        assertEquals(JoinRequestError.NoCptsName, presenter.state.value.createError, "the core's word, whatever the form thought")
        presenter.onEvent(MembershipEvent.CptsNameChanged("CPTS du Val d'Essai Nord"))
        assertNull(presenter.state.value.createError, "editing clears it")
    }

    @Test
    fun `a blank name sends nothing`() = runTest {
        val presenter = presenter()
        presenter.onEvent(MembershipEvent.CptsNameChanged("   "))
        presenter.onEvent(MembershipEvent.CreateCpts)
        runCurrent()
        assertTrue(service.creations.all.isEmpty())
    }
}
