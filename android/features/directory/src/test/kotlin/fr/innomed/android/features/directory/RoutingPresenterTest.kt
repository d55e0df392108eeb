package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestProblem
import fr.innomed.android.api.requests.RoutingWindows
import fr.innomed.android.api.requests.UnansweredRequest
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.GP
import fr.innomed.android.test.specialist
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

/** The coordinator's unanswered requests and routing windows, as the core gives and checks them. */
class RoutingPresenterTest {
    private val directory = FakeDirectoryService()
    private val requests = FakeRequestService()
    private val defaults = RoutingWindows(30 * MINUTE, 4 * 60 * MINUTE, 24 * 60 * MINUTE)
    private var windows = defaults
    private val alert = UnansweredRequest(RoomId("!req:cpts.test"), "IM-7K2Q", "dermatology", Urgency.URGENT, GP, listOf(DERM), 1_795_000_000_000)

    private fun TestScope.open(coordinator: Boolean = true): RoutingPresenter {
        directory.coordinatorResult = { Outcome.Success(coordinator) }
        directory.searchResult = { _, _ -> Outcome.Success(listOf(specialist(GP, "Dr Paul Martin", "general_practice"), specialist(DERM, "Dr Inès Benali"))) }
        requests.windowsResult = { Outcome.Success(windows) }
        requests.unansweredResult = { Outcome.Success(listOf(alert, alert.copy(code = "IM-9P3X", next = emptyList()))) }
        return RoutingPresenter(backgroundScope, directory, requests).also { runCurrent() }
    }

    @Test
    fun `the coordinator sees the windows and the unanswered requests in the core's order, named from the directory`() = runTest {
        val state = open().state.value
        assertEquals(true, state.isCoordinator)
        assertEquals(defaults, state.windows)
        assertEquals(
            listOf(UnansweredLine(alert, "Dr Paul Martin", listOf("Dr Inès Benali")), UnansweredLine(alert.copy(code = "IM-9P3X", next = emptyList()), "Dr Paul Martin", emptyList())),
            state.unanswered,
        )
    }

    @Test
    fun `a member who does not coordinate is asked nothing else`() = runTest {
        requests.windowsResult = { error("not asked") }
        directory.coordinatorResult = { Outcome.Success(false) }
        val presenter = RoutingPresenter(backgroundScope, directory, requests)
        runCurrent()
        assertEquals(false, presenter.state.value.isCoordinator)
        assertEquals(emptyList<Any>(), directory.searches.all)
    }

    @Test
    fun `the windows are typed in hours and minutes, sent once, then read again`() = runTest {
        val presenter = open()
        presenter.onEvent(RoutingEvent.OpenWindows)
        assertEquals(WindowsDraft(WindowDraft("0", "30"), WindowDraft("4", "0"), WindowDraft("24", "0")), presenter.state.value.draft)
        requests.setWindowsResult = { windows = it; Outcome.Done }
        presenter.onEvent(RoutingEvent.DraftChanged(presenter.state.value.draft!!.copy(urgent = WindowDraft("1", "15"), soon = WindowDraft("", "90"))))
        presenter.onEvent(RoutingEvent.SaveWindows)
        presenter.onEvent(RoutingEvent.SaveWindows)
        runCurrent()
        assertEquals(listOf(RoutingWindows(75 * MINUTE, 90 * MINUTE, 24 * 60 * MINUTE)), requests.windowsSet.all)
        assertNull(presenter.state.value.draft)
        assertEquals(RoutingWindows(75 * MINUTE, 90 * MINUTE, 24 * 60 * MINUTE), presenter.state.value.windows)
    }

    @Test
    fun `a field that is not a whole number waits, the core's refusal stays in the dialog with what was typed`() = runTest {
        val presenter = open()
        presenter.onEvent(RoutingEvent.OpenWindows)
        val typed = presenter.state.value.draft!!.copy(urgent = WindowDraft("0", "0,5"))
        presenter.onEvent(RoutingEvent.DraftChanged(typed))
        presenter.onEvent(RoutingEvent.SaveWindows)
        assertEquals(true, presenter.state.value.draft?.invalid)
        assertEquals(emptyList<Any>(), requests.windowsSet.all)

        // Too long for its urgency or under 5 s: the core's to say.
        requests.setWindowsResult = { Outcome.Failure(RequestError.InvalidRequest(RequestProblem.ROUTING_WINDOW)) }
        val tooLong = typed.copy(urgent = WindowDraft("30", "0"))
        presenter.onEvent(RoutingEvent.DraftChanged(tooLong))
        presenter.onEvent(RoutingEvent.SaveWindows)
        runCurrent()
        assertEquals(tooLong.copy(error = RequestError.InvalidRequest(RequestProblem.ROUTING_WINDOW)), presenter.state.value.draft)
        assertEquals(RoutingWindows(30 * 60 * MINUTE, 4 * 60 * MINUTE, 24 * 60 * MINUTE), requests.windowsSet.last)

        requests.setWindowsResult = { Outcome.Failure(RequestError.NotAllowed) }
        presenter.onEvent(RoutingEvent.DraftChanged(tooLong.copy(urgent = WindowDraft("0", "0"))))
        assertNull(presenter.state.value.draft?.error, "a change clears the refusal")
        presenter.onEvent(RoutingEvent.SaveWindows)
        runCurrent()
        assertEquals(RequestError.NotAllowed, presenter.state.value.draft?.error)
        assertEquals(RoutingWindows(0, 4 * 60 * MINUTE, 24 * 60 * MINUTE), requests.windowsSet.last)
        assertFalse(presenter.state.value.saving)
    }

    @Test
    fun `a failed read is said and read again on retry`() = runTest {
        directory.coordinatorResult = { Outcome.Failure(DirectoryError.HomeserverUnreachable) }
        val presenter = RoutingPresenter(backgroundScope, directory, requests)
        runCurrent()
        assertEquals(DirectoryError.HomeserverUnreachable, presenter.state.value.coordinatorError)
        directory.coordinatorResult = { Outcome.Success(true) }
        requests.windowsResult = { Outcome.Failure(RequestError.HomeserverUnreachable) }
        requests.unansweredResult = { Outcome.Success(emptyList()) }
        directory.searchResult = { _, _ -> Outcome.Success(emptyList()) }
        presenter.onEvent(RoutingEvent.Retry)
        runCurrent()
        assertEquals(RequestError.HomeserverUnreachable, presenter.state.value.error)
        assertNull(presenter.state.value.coordinatorError)
        requests.windowsResult = { Outcome.Success(windows) }
        presenter.onEvent(RoutingEvent.Retry)
        runCurrent()
        assertEquals(defaults, presenter.state.value.windows)
        assertNull(presenter.state.value.error)
    }

    private companion object {
        const val MINUTE = 60_000L
    }
}
