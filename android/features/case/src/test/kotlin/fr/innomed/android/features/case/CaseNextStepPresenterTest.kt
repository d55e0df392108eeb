package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseMember
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.HandoverWait
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.requests.NextStep
import fr.innomed.android.api.requests.NextStepState
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.trust.TrustLevel
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.OTHER_DERM
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.row
import fr.innomed.android.test.specialist
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

/** The next step of the GP's request: read on the requesting doctor's device, as the core plans it, named from the directory. */
class CaseNextStepPresenterTest {
    private val cases = FakeCaseService()
    private val requests = FakeRequestService()
    private val directory = FakeDirectoryService()
    private val room = row("req", isRequest = true).roomId
    private val at = 1_795_000_000_000L
    private var step: Outcome<NextStep?, RequestError> = Outcome.Success(NextStep(at, listOf(DERM), NextStepState.PLANNED))
    private var decided = allowed(CaseRole.REQUESTER, handover = HandoverWait.NOT_TAKEN)
    private var isRequest = true

    private fun TestScope.open(): CasePresenter {
        cases.rows.value = listOf(row("req", isRequest = isRequest))
        cases.detailsResult = { Outcome.Success(details(room, status = CaseStatus.OPEN, isRequest = isRequest)) }
        cases.allowedResult = { Outcome.Success(decided) }
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        cases.membersResult = { Outcome.Success(listOf(CaseMember(OTHER_DERM, Membership.INVITED, "Dr Léa Lefèvre", emptyList(), true, TrustLevel.VERIFIED))) }
        cases.briefResult = { Outcome.Success(null) }
        requests.nextStepResult = { step }
        directory.searchResult = { _, _ -> Outcome.Success(listOf(specialist(DERM, "Dr Inès Benali"))) }
        val conversations = FakeConversationService()
        conversations.itemsOf(room).value = emptyList()
        return CasePresenter(backgroundScope, room, cases, conversations, requests, discardPhoto = {}, FakeDocumentViewer(), directory)
            .also { runCurrent() }
    }

    @Test
    fun `the GP's request shows its planned next step, the specialists named from the directory, read once`() = runTest {
        val presenter = open()
        assertEquals(NextStepCard(at, NextStepState.PLANNED, listOf("Dr Inès Benali")), presenter.state.value.nextStep)
        assertEquals(listOf(room), requests.nextStepReads.all.distinct())

        step = Outcome.Success(NextStep(at, listOf(DERM, UserId("@dr.inconnu:cpts.test")), NextStepState.SENT))
        cases.update(room) { it.copy(unread = 1) }
        runCurrent()
        assertEquals(NextStepCard(at, NextStepState.SENT, listOf("Dr Inès Benali", "@dr.inconnu:cpts.test")), presenter.state.value.nextStep)
        assertEquals(1, directory.searches.all.size, "the directory is read once")
    }

    @Test
    fun `nobody to invite is the coordinator only, taken is cancelled, as the core says`() = runTest {
        step = Outcome.Success(NextStep(at, emptyList(), NextStepState.PLANNED))
        val presenter = open()
        assertEquals(NextStepCard(at, NextStepState.PLANNED, emptyList()), presenter.state.value.nextStep)
        assertEquals(0, directory.searches.all.size)

        decided = allowed(CaseRole.REQUESTER)
        step = Outcome.Success(NextStep(at, listOf(DERM), NextStepState.CANCELLED))
        cases.update(room) { it.copy(status = CaseStatus.ACCEPTED) }
        runCurrent()
        assertEquals(NextStepState.CANCELLED, presenter.state.value.nextStep?.state)
    }

    @Test
    fun `a specialist the directory does not list is named as the case names them`() = runTest {
        step = Outcome.Success(NextStep(at, listOf(OTHER_DERM), NextStepState.SENT))
        val presenter = open()
        runCurrent()
        // The case's members are read with the conversation: the next read names her.
        cases.update(room) { it.copy(unread = 2) }
        runCurrent()
        assertEquals(listOf("Dr Léa Lefèvre"), presenter.state.value.nextStep?.specialists)
    }

    @Test
    fun `a failed read keeps the last card, none planned is no card`() = runTest {
        val presenter = open()
        step = Outcome.Failure(RequestError.HomeserverUnreachable)
        cases.update(room) { it.copy(unread = 1) }
        runCurrent()
        assertEquals(NextStepState.PLANNED, presenter.state.value.nextStep?.state)

        step = Outcome.Success(null)
        cases.update(room) { it.copy(unread = 2) }
        runCurrent()
        assertNull(presenter.state.value.nextStep)
    }

    @Test
    fun `nothing is asked on the specialist's side nor for a case between colleagues`() = runTest {
        decided = CaseActions(CaseRole.TAKER, emptySet())
        requests.callBackResult = { Outcome.Success(null) }
        open()
        isRequest = false
        decided = allowed(CaseRole.REQUESTER)
        open()
        assertEquals(emptyList<Any>(), requests.nextStepReads.all)
    }
}
