package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.PartnerCpts
import fr.innomed.android.test.FakeDirectoryService
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

/** The partner CPTS, as the core lists, checks and records them. */
class PartnersPresenterTest {
    private val directory = FakeDirectoryService()
    private val voisine = PartnerCpts("!voisine:cpts-voisine.test", "CPTS Voisine", UserId("@coord:cpts-voisine.test"), agreed = true)
    private val littoral = PartnerCpts("!littoral:cpts-littoral.test", "CPTS du Littoral", UserId("@coord:cpts-littoral.test"), agreed = false)
    private var partners = listOf(voisine, littoral)
    private val typed = PartnerDraft(" !littoral:cpts-littoral.test ", "@coord:cpts-littoral.test ")

    private fun TestScope.open(coordinator: Boolean = true): PartnersPresenter {
        directory.coordinatorResult = { Outcome.Success(coordinator) }
        directory.partnersResult = { Outcome.Success(partners) }
        return PartnersPresenter(backgroundScope, directory).also { runCurrent() }
    }

    @Test
    fun `every partner is listed in the core's order, with whether it declared this CPTS too`() = runTest {
        val state = open().state.value
        assertEquals(true, state.isCoordinator)
        assertFalse(state.loading)
        assertEquals(listOf(voisine, littoral), state.partners)
        assertNull(state.error)
    }

    @Test
    fun `no partner yet is an empty list, not a list still to read`() = runTest {
        partners = emptyList()
        assertEquals(emptyList<PartnerCpts>(), open().state.value.partners)
        assertNull(PartnersState().partners, "null until read")
    }

    @Test
    fun `a declaration is sent once as typed, then the form is emptied and the list read again`() = runTest {
        partners = listOf(voisine)
        val presenter = open()
        val confirmed = littoral.copy(agreed = true)
        directory.declarePartnerResult = { _, _ -> partners = listOf(voisine, confirmed); Outcome.Success(confirmed) }
        presenter.onEvent(PartnersEvent.DraftChanged(typed))
        presenter.onEvent(PartnersEvent.Declare)
        presenter.onEvent(PartnersEvent.Declare)
        runCurrent()
        assertEquals(listOf("!littoral:cpts-littoral.test" to UserId("@coord:cpts-littoral.test")), directory.partnersDeclared.all)
        val state = presenter.state.value
        assertEquals(PartnerDraft(), state.draft)
        assertEquals(confirmed, state.declared)
        assertEquals(listOf(voisine, confirmed), state.partners)
        assertFalse(state.declaring)
        presenter.onEvent(PartnersEvent.DraftChanged(PartnerDraft("!")))
        assertNull(presenter.state.value.declared, "a change clears the confirmation")
    }

    @Test
    fun `a form with an empty field is not sent`() = runTest {
        val presenter = open()
        presenter.onEvent(PartnersEvent.DraftChanged(PartnerDraft("!littoral:cpts-littoral.test", "  ")))
        presenter.onEvent(PartnersEvent.Declare)
        runCurrent()
        assertEquals(emptyList<Any>(), directory.partnersDeclared.all)
    }

    @Test
    fun `each refusal of the core stays with what was typed, until it changes`() = runTest {
        val presenter = open()
        val refusals = listOf(
            DirectoryError.NotAPartner,
            DirectoryError.NotAllowed,
            DirectoryError.OutsideNetwork,
            DirectoryError.HomeserverUnreachable,
            DirectoryError.InvalidUserId,
        )
        for (refusal in refusals) {
            directory.declarePartnerResult = { _, _ -> Outcome.Failure(refusal) }
            presenter.onEvent(PartnersEvent.DraftChanged(typed))
            presenter.onEvent(PartnersEvent.Declare)
            runCurrent()
            val state = presenter.state.value
            assertEquals(refusal, state.declareError)
            assertEquals(typed, state.draft)
            assertFalse(state.declaring)
            assertEquals(listOf(voisine, littoral), state.partners, "the list stays as read")
        }
        assertEquals(refusals.size, directory.partnersDeclared.all.size)
        presenter.onEvent(PartnersEvent.DraftChanged(typed.copy(coordinator = "@coord:cpts-littoral.test")))
        assertNull(presenter.state.value.declareError)
    }

    @Test
    fun `a partnership ends after a confirmation, then the list is read again`() = runTest {
        val presenter = open()
        presenter.onEvent(PartnersEvent.Withdraw(littoral))
        assertEquals(Withdrawal(littoral), presenter.state.value.withdrawal)
        presenter.onEvent(PartnersEvent.CancelWithdraw)
        assertNull(presenter.state.value.withdrawal)
        assertEquals(emptyList<Any>(), directory.partnersWithdrawn.all)

        directory.withdrawPartnerResult = { partners = listOf(voisine); Outcome.Done }
        presenter.onEvent(PartnersEvent.Withdraw(littoral))
        presenter.onEvent(PartnersEvent.ConfirmWithdraw)
        presenter.onEvent(PartnersEvent.ConfirmWithdraw)
        runCurrent()
        assertEquals(listOf("!littoral:cpts-littoral.test"), directory.partnersWithdrawn.all)
        assertNull(presenter.state.value.withdrawal)
        assertEquals(listOf(voisine), presenter.state.value.partners)
    }

    @Test
    fun `a refused withdrawal is said in its confirmation, the partner stays listed`() = runTest {
        val presenter = open()
        directory.withdrawPartnerResult = { Outcome.Failure(DirectoryError.NotAllowed) }
        presenter.onEvent(PartnersEvent.Withdraw(voisine))
        presenter.onEvent(PartnersEvent.ConfirmWithdraw)
        runCurrent()
        assertEquals(Withdrawal(voisine, DirectoryError.NotAllowed), presenter.state.value.withdrawal)
        assertEquals(listOf(voisine, littoral), presenter.state.value.partners)
        assertFalse(presenter.state.value.withdrawing)

        directory.withdrawPartnerResult = { Outcome.Failure(DirectoryError.NotAPartner) }
        presenter.onEvent(PartnersEvent.ConfirmWithdraw)
        runCurrent()
        assertEquals(Withdrawal(voisine, DirectoryError.NotAPartner), presenter.state.value.withdrawal)
    }

    @Test
    fun `a member who does not coordinate reads the list and changes nothing`() = runTest {
        val presenter = open(coordinator = false)
        assertEquals(false, presenter.state.value.isCoordinator)
        assertEquals(listOf(voisine, littoral), presenter.state.value.partners)
        presenter.onEvent(PartnersEvent.DraftChanged(typed))
        presenter.onEvent(PartnersEvent.Declare)
        presenter.onEvent(PartnersEvent.Withdraw(voisine))
        presenter.onEvent(PartnersEvent.ConfirmWithdraw)
        runCurrent()
        assertNull(presenter.state.value.withdrawal)
        assertEquals(emptyList<Any>(), directory.partnersDeclared.all)
        assertEquals(emptyList<Any>(), directory.partnersWithdrawn.all)
    }

    @Test
    fun `a failed read is said and read again on retry`() = runTest {
        directory.coordinatorResult = { Outcome.Failure(DirectoryError.NoCpts) }
        val presenter = PartnersPresenter(backgroundScope, directory)
        runCurrent()
        assertEquals(DirectoryError.NoCpts, presenter.state.value.error)
        assertNull(presenter.state.value.isCoordinator)

        directory.coordinatorResult = { Outcome.Success(true) }
        directory.partnersResult = { Outcome.Failure(DirectoryError.HomeserverUnreachable) }
        presenter.onEvent(PartnersEvent.Retry)
        runCurrent()
        assertEquals(DirectoryError.HomeserverUnreachable, presenter.state.value.error)
        assertNull(presenter.state.value.partners)

        directory.partnersResult = { Outcome.Success(partners) }
        presenter.onEvent(PartnersEvent.Retry)
        runCurrent()
        assertNull(presenter.state.value.error)
        assertEquals(listOf(voisine, littoral), presenter.state.value.partners)
    }
}
