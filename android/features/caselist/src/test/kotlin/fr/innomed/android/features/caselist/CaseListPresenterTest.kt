package fr.innomed.android.features.caselist

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.Deadline
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.cases.RequestBrief
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeSearchService
import fr.innomed.android.test.GP
import fr.innomed.android.test.row
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class CaseListPresenterTest {
    private val cases = FakeCaseService()
    private val search = FakeSearchService()

    @Test
    fun `invitations first, then as the core says (overdue, due soon, on time by deadline), then undated, then done`() = runTest {
        cases.rows.value = listOf(
            row("closed", status = CaseStatus.CLOSED, dueAtMillis = 1, deadline = Deadline(DeadlineState.DONE, 1)),
            row("undated"),
            row("later", dueAtMillis = 3_000),
            row("invite", membership = Membership.INVITED),
            row("overdue", dueAtMillis = 5_000, deadline = Deadline(DeadlineState.OVERDUE, 5_000)),
            // Due after "sooner", but the core says its urgency's window is nearly over.
            row("due-soon", dueAtMillis = 4_000, deadline = Deadline(DeadlineState.DUE_SOON, 4_000)),
            row("sooner", dueAtMillis = 2_000),
            row("very-overdue", dueAtMillis = 1_000, deadline = Deadline(DeadlineState.OVERDUE, 1_000)),
            row("answered", status = CaseStatus.ANSWERED),
        )
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        assertTrue(presenter.state.value.loading)
        runCurrent()
        val state = presenter.state.value
        assertFalse(state.loading)
        assertEquals(
            listOf("invite", "very-overdue", "overdue", "due-soon", "sooner", "later", "undated", "closed", "answered").map { "IM-$it" },
            state.rows.map { it.code },
        )
        assertEquals(DeadlineState.DUE_SOON, state.rows[3].deadline?.state, "the row shows the core's deadline")
        assertEquals(1, state.invitationCount)
    }

    @Test
    fun `the list follows live changes and re-sorts`() = runTest {
        cases.rows.value = listOf(row("a", dueAtMillis = 1_000), row("b", dueAtMillis = 2_000))
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        runCurrent()
        assertEquals(listOf("IM-a", "IM-b"), presenter.state.value.rows.map { it.code })

        cases.update(row("b").roomId) { it.copy(deadline = Deadline(DeadlineState.OVERDUE, 2_000)) }
        cases.rows.value = cases.rows.value + row("new", membership = Membership.INVITED)
        runCurrent()
        assertEquals(listOf("IM-new", "IM-b", "IM-a"), presenter.state.value.rows.map { it.code })
    }

    @Test
    fun `the overdue and due-soon filters keep the rows whose deadline the core says so, live`() = runTest {
        cases.rows.value = listOf(
            row("late", dueAtMillis = 1_000, deadline = Deadline(DeadlineState.OVERDUE, 1_000)),
            row("soon", dueAtMillis = 2_000, deadline = Deadline(DeadlineState.DUE_SOON, 2_000)),
            row("calm", dueAtMillis = 9_000),
            row("between-colleagues"),
        )
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        runCurrent()
        with(presenter.state.value) {
            assertEquals(4, shown.size)
            assertEquals(1, count(CaseFilter.OVERDUE))
            assertEquals(1, count(CaseFilter.DUE_SOON))
        }
        presenter.onEvent(CaseListEvent.Filter(CaseFilter.OVERDUE))
        assertEquals(listOf("IM-late"), presenter.state.value.shown.map { it.code })

        // The core moves a deadline on: the filtered list follows.
        cases.update(row("soon").roomId) { it.copy(deadline = Deadline(DeadlineState.OVERDUE, 2_000)) }
        runCurrent()
        assertEquals(listOf("IM-late", "IM-soon"), presenter.state.value.shown.map { it.code })
        presenter.onEvent(CaseListEvent.Filter(CaseFilter.DUE_SOON))
        assertTrue(presenter.state.value.shown.isEmpty())
        presenter.onEvent(CaseListEvent.Filter(CaseFilter.ALL))
        assertEquals(4, presenter.state.value.shown.size)
    }

    @Test
    fun `the to-do, my-requests and muted chips keep the rows the core flags, live, whatever their status`() = runTest {
        cases.rows.value = listOf(
            // The core says what waits for this doctor; an open case with unread messages it did not flag stays out.
            row("advise", status = CaseStatus.ACCEPTED, isRequest = true, waitingForMe = true),
            row("unread", unread = 3),
            row("mine", status = CaseStatus.ANSWERED, askedByMe = true, waitingForMe = true),
            row("mine-closed", status = CaseStatus.CLOSED, askedByMe = true),
            row("quiet", muted = true),
        )
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        runCurrent()
        with(presenter.state.value) {
            assertEquals(2, count(CaseFilter.WAITING_FOR_ME))
            assertEquals(2, count(CaseFilter.ASKED_BY_ME))
            assertEquals(1, count(CaseFilter.MUTED))
            assertEquals(0, count(CaseFilter.ARCHIVED))
        }
        presenter.onEvent(CaseListEvent.Filter(CaseFilter.WAITING_FOR_ME))
        assertEquals(setOf("IM-advise", "IM-mine"), presenter.state.value.shown.map { it.code }.toSet())
        presenter.onEvent(CaseListEvent.Filter(CaseFilter.ASKED_BY_ME))
        assertEquals(setOf("IM-mine", "IM-mine-closed"), presenter.state.value.shown.map { it.code }.toSet())
        presenter.onEvent(CaseListEvent.Filter(CaseFilter.MUTED))
        assertEquals(listOf("IM-quiet"), presenter.state.value.shown.map { it.code })

        // The doctor advised: the core no longer waits for them, and the chip follows.
        presenter.onEvent(CaseListEvent.Filter(CaseFilter.WAITING_FOR_ME))
        cases.update(row("advise").roomId) { it.copy(status = CaseStatus.ANSWERED, waitingForMe = false) }
        runCurrent()
        assertEquals(listOf("IM-mine"), presenter.state.value.shown.map { it.code })
        assertEquals(1, presenter.state.value.count(CaseFilter.WAITING_FOR_ME))
    }

    @Test
    fun `accepting an invitation waits, then opens the case`() = runTest {
        val invite = row("x", membership = Membership.INVITED)
        cases.rows.value = listOf(invite)
        val answer = CompletableDeferred<Outcome<Unit, CaseError>>()
        cases.acceptResult = { answer.await() }
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        runCurrent()

        presenter.onEvent(CaseListEvent.Accept(invite.roomId))
        presenter.onEvent(CaseListEvent.Accept(invite.roomId))
        runCurrent()
        assertEquals(setOf(invite.roomId), presenter.state.value.pending)

        answer.complete(Outcome.Done)
        runCurrent()
        assertEquals(listOf(invite.roomId), cases.accepted.all, "one call for a double tap")
        assertEquals(invite.roomId, presenter.state.value.openedCase)
        assertTrue(presenter.state.value.pending.isEmpty())
        presenter.onEvent(CaseListEvent.CaseOpened)
        assertNull(presenter.state.value.openedCase)
    }

    @Test
    fun `a refused invitation answer shows its typed error and opens nothing`() = runTest {
        val invite = row("x", membership = Membership.INVITED)
        cases.rows.value = listOf(invite)
        cases.acceptResult = { Outcome.Failure(CaseError.CaseClosed) }
        cases.declineResult = { Outcome.Done }
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        runCurrent()

        presenter.onEvent(CaseListEvent.Accept(invite.roomId))
        runCurrent()
        assertEquals(CaseError.CaseClosed, presenter.state.value.error)
        assertNull(presenter.state.value.openedCase)

        presenter.onEvent(CaseListEvent.DismissError)
        presenter.onEvent(CaseListEvent.Decline(invite.roomId))
        runCurrent()
        assertEquals(listOf(invite.roomId), cases.declined.all)
        assertNull(presenter.state.value.openedCase, "declining opens nothing")
        assertNull(presenter.state.value.error)
    }

    @Test
    fun `an invitation to a request comes first with its brief, and a brief that arrives later updates the row`() = runTest {
        val brief = RequestBrief(GP, "dermatology", Urgency.URGENT, dueAtMillis = null, AgeBand.SENIOR, Sex.FEMALE, "Exérèse ?")
        val routed = row("routed", membership = Membership.INVITED, isRequest = true)
        cases.rows.value = listOf(row("mine", dueAtMillis = 1_000), routed)
        val presenter = CaseListPresenter(backgroundScope, cases, search)
        runCurrent()
        assertEquals(listOf("IM-routed", "IM-mine"), presenter.state.value.rows.map { it.code })
        assertNull(presenter.state.value.rows.first().brief, "the brief may arrive after the invitation")

        cases.update(routed.roomId) { it.copy(brief = brief) }
        runCurrent()
        assertEquals(brief, presenter.state.value.rows.first().brief)
        assertNull(presenter.state.value.rows[1].brief)
    }
}
