package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.requests.CallBack
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.GP
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.headerCard
import fr.innomed.android.test.row
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

/**
 * The number the GP asked to be called back on, on the specialist who took the request: offered
 * only when the core gives one, the tap opening the dialer once with the number to dial and
 * recording the call once.
 */
class CaseCallBackPresenterTest {
    private val cases = FakeCaseService()
    private val requests = FakeRequestService().apply { nextStepResult = { Outcome.Success(null) } }
    private val room = row("req", isRequest = true).roomId
    private val number = CallBack(phone = "+33612345678", display = "06 12 34 56 78")
    private var asked: Outcome<CallBack?, RequestError> = Outcome.Success(number)
    private var decided = allowed(CaseRole.TAKER, CaseAction.WRITE, CaseAction.ADVISE)
    private var isRequest = true

    private fun TestScope.open(): CasePresenter {
        cases.rows.value = listOf(row("req", isRequest = isRequest))
        cases.detailsResult = { Outcome.Success(details(room, status = CaseStatus.ACCEPTED, isRequest = isRequest, acceptedBy = DERM)) }
        cases.allowedResult = { Outcome.Success(decided) }
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.membersResult = { Outcome.Success(emptyList()) }
        cases.briefResult = { Outcome.Success(null) }
        requests.callBackResult = { asked }
        val conversations = FakeConversationService()
        conversations.itemsOf(room).value = listOf(headerCard(sender = GP, me = DERM))
        return CasePresenter(backgroundScope, room, cases, conversations, requests, discardPhoto = {}, FakeDocumentViewer())
            .also { runCurrent() }
    }

    @Test
    fun `the specialist who took the request is offered the GP's number, read until it comes`() = runTest {
        asked = Outcome.Success(null)
        val presenter = open()
        assertNull(presenter.state.value.callBack.number, "none asked (or not read yet): nothing offered")

        asked = Outcome.Failure(RequestError.HomeserverUnreachable)
        cases.update(room) { it.copy(unread = 1) }
        runCurrent()
        assertNull(presenter.state.value.callBack.number)
        assertNull(presenter.state.value.error, "a failed read is tried again, not shown")

        asked = Outcome.Success(number)
        cases.update(room) { it.copy(unread = 2) }
        runCurrent()
        assertEquals(number, presenter.state.value.callBack.number)
        val reads = requests.callBackReads.all.size

        cases.update(room) { it.copy(unread = 3) }
        runCurrent()
        assertEquals(reads, requests.callBackReads.all.size, "not asked again once known")
    }

    @Test
    fun `nothing is asked nor offered on the requesting GP's side, to another member, or between colleagues`() = runTest {
        decided = allowed(CaseRole.REQUESTER, CaseAction.WRITE)
        assertNull(open().state.value.callBack.number)
        decided = allowed(CaseRole.MEMBER, CaseAction.WRITE)
        assertNull(open().state.value.callBack.number)
        decided = CaseActions(CaseRole.TAKER, setOf(CaseAction.WRITE))
        isRequest = false
        assertNull(open().state.value.callBack.number)
        assertEquals(emptyList<Any>(), requests.callBackReads.all)
    }

    @Test
    fun `a tap opens the dialer once with the number to dial, and records the call once`() = runTest {
        val recorded = CompletableDeferred<Outcome<Unit, RequestError>>()
        requests.recordCallResult = { recorded.await() }
        val presenter = open()
        presenter.onEvent(CaseCallBackEvent.Call)
        runCurrent()
        assertEquals("+33612345678", presenter.state.value.callBack.dial)
        assertEquals(true, presenter.state.value.callBack.recording)

        // A second tap while the call is recorded changes nothing.
        presenter.onEvent(CaseCallBackEvent.Call)
        presenter.onEvent(CaseCallBackEvent.Dialed)
        runCurrent()
        assertNull(presenter.state.value.callBack.dial, "the dialer opened once")

        recorded.complete(Outcome.Done)
        runCurrent()
        assertEquals(listOf(room), requests.callsRecorded.all)
        assertEquals(false, presenter.state.value.callBack.recording)
        assertNull(presenter.state.value.error)
    }

    @Test
    fun `a call the core could not record is shown as the screen's error, and the dialer still opens`() = runTest {
        requests.recordCallResult = { Outcome.Failure(RequestError.HomeserverUnreachable) }
        val presenter = open()
        presenter.onEvent(CaseCallBackEvent.Call)
        runCurrent()
        assertEquals("+33612345678", presenter.state.value.callBack.dial)
        assertEquals(CaseScreenError.Request(RequestError.HomeserverUnreachable), presenter.state.value.error)
        assertEquals(listOf(room), requests.callsRecorded.all)

        presenter.onEvent(CaseEvent.DismissError)
        presenter.onEvent(CaseCallBackEvent.Dialed)
        requests.recordCallResult = { Outcome.Done }
        presenter.onEvent(CaseCallBackEvent.Call)
        runCurrent()
        assertEquals(2, requests.callsRecorded.all.size, "tried again at the next tap")
        assertNull(presenter.state.value.error)
    }

    @Test
    fun `a tap with no number does nothing`() = runTest {
        asked = Outcome.Success(null)
        val presenter = open()
        presenter.onEvent(CaseCallBackEvent.Call)
        runCurrent()
        assertNull(presenter.state.value.callBack.dial)
        assertEquals(emptyList<Any>(), requests.callsRecorded.all)
    }
}
