package fr.innomed.android.features.colleaguecase

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.HeaderProblem
import fr.innomed.android.api.cases.NewCase
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.OTHER_DERM
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** A GP opens a case between colleagues (no CPTS) and invites them by identifier; the core says whether each holds. */
class ColleagueCasePresenterTest {
    private val cases = FakeCaseService()
    private val room = RoomId("!confreres:cpts.test")
    private val cardio = UserId("@dr.roux:cpts.test")

    private fun TestScope.presenter() = ColleagueCasePresenter(backgroundScope, cases).also { runCurrent() }

    private fun ColleagueCasePresenter.fillHeader() {
        onEvent(ColleagueCaseEvent.PatientLabelChanged(" J.D. "))
        onEvent(ColleagueCaseEvent.AgeBandSelected(AgeBand.SENIOR))
        onEvent(ColleagueCaseEvent.SexSelected(Sex.FEMALE))
        onEvent(ColleagueCaseEvent.ReasonChanged("Lésion pigmentée du dos, évolutive depuis 3 mois"))
        onEvent(ColleagueCaseEvent.QuestionChanged("Exérèse à prévoir ? "))
        onEvent(ColleagueCaseEvent.PhotoConsentChanged(true))
        onEvent(ColleagueCaseEvent.UrgencySelected(Urgency.SOON))
    }

    private fun ColleagueCasePresenter.add(id: String) {
        onEvent(ColleagueCaseEvent.ColleagueInputChanged(id))
        onEvent(ColleagueCaseEvent.AddColleague)
    }

    @Test
    fun `colleagues are added once each, in order, the field emptied, a blank one not added`() = runTest {
        val presenter = presenter()
        presenter.add(" ${DERM.value} ")
        presenter.add(cardio.value)
        presenter.add(DERM.value)
        presenter.add("   ")
        assertEquals(listOf(DERM, cardio), presenter.state.value.colleagues)
        assertEquals("   ", presenter.state.value.colleagueInput, "a blank identifier stays where it was typed")
        assertFalse(presenter.state.value.canAddColleague)

        presenter.onEvent(ColleagueCaseEvent.RemoveColleague(DERM))
        assertEquals(listOf(cardio), presenter.state.value.colleagues)
    }

    @Test
    fun `empty fields keep the button off, and a colleague is needed`() = runTest {
        val presenter = presenter()
        assertFalse(presenter.state.value.canSubmit)
        presenter.fillHeader()
        assertFalse(presenter.state.value.canSubmit, "no colleague yet")
        presenter.add(DERM.value)
        assertTrue(presenter.state.value.canSubmit)
        presenter.onEvent(ColleagueCaseEvent.QuestionChanged(" "))
        assertFalse(presenter.state.value.canSubmit)

        presenter.onEvent(ColleagueCaseEvent.Submit)
        runCurrent()
        assertTrue(cases.created.all.isEmpty())
    }

    @Test
    fun `the case is created once with the header, then each colleague invited in order, then opened`() = runTest {
        val answer = CompletableDeferred<Outcome<RoomId, CaseError>>()
        cases.createResult = { answer.await() }
        cases.inviteResult = { _, _ -> Outcome.Success(Unit) }
        val presenter = presenter()
        presenter.fillHeader()
        presenter.add(DERM.value)
        presenter.add(cardio.value)

        presenter.onEvent(ColleagueCaseEvent.Submit)
        presenter.onEvent(ColleagueCaseEvent.Submit)
        runCurrent()
        assertTrue(presenter.state.value.submitting)
        assertFalse(presenter.state.value.canSubmit)
        presenter.onEvent(ColleagueCaseEvent.PatientLabelChanged("changed while opening"))
        answer.complete(Outcome.Success(room))
        runCurrent()

        val header = CaseHeader("J.D.", AgeBand.SENIOR, Sex.FEMALE, "Lésion pigmentée du dos, évolutive depuis 3 mois", "Exérèse à prévoir ?", photoConsent = true)
        assertEquals(listOf(NewCase(header, specialty = null, urgency = Urgency.SOON)), cases.created.all)
        assertEquals(listOf(room to DERM, room to cardio), cases.invited.all)
        assertEquals(room, presenter.state.value.created)
        assertEquals(room, presenter.state.value.openedRoom)
        assertTrue(presenter.state.value.refused.isEmpty())
        assertFalse(presenter.state.value.submitting)

        presenter.onEvent(ColleagueCaseEvent.CaseOpened)
        assertNull(presenter.state.value.created)
        assertFalse(presenter.state.value.canSubmit, "the form is done once the case is open")
    }

    @Test
    fun `a refused invitation keeps the case, names the colleague and the core's reason, and opens it once read`() = runTest {
        cases.createResult = { Outcome.Success(room) }
        cases.inviteResult = { _, who ->
            when (who) {
                OTHER_DERM -> Outcome.Failure(CaseError.NotCrossSigned)
                cardio -> Outcome.Failure(CaseError.UnknownUser)
                else -> Outcome.Success(Unit)
            }
        }
        val presenter = presenter()
        presenter.fillHeader()
        presenter.add(OTHER_DERM.value)
        presenter.add(DERM.value)
        presenter.add(cardio.value)
        presenter.onEvent(ColleagueCaseEvent.Submit)
        runCurrent()

        assertEquals(listOf(room to OTHER_DERM, room to DERM, room to cardio), cases.invited.all, "every colleague is tried")
        val state = presenter.state.value
        assertEquals(
            listOf(RefusedInvitation(OTHER_DERM, CaseError.NotCrossSigned), RefusedInvitation(cardio, CaseError.UnknownUser)),
            state.refused,
        )
        assertEquals(room, state.openedRoom)
        assertNull(state.created, "the doctor reads the refusals first")
        assertFalse(state.canSubmit, "the case is not opened twice")

        presenter.onEvent(ColleagueCaseEvent.OpenCase)
        assertEquals(room, presenter.state.value.created)
        assertEquals(1, cases.created.all.size)
    }

    @Test
    fun `a malformed identifier is the core's to refuse, at its invitation`() = runTest {
        cases.createResult = { Outcome.Success(room) }
        cases.inviteResult = { _, _ -> Outcome.Failure(CaseError.InvalidUserId) }
        val presenter = presenter()
        presenter.fillHeader()
        presenter.add("dr.roux")
        presenter.onEvent(ColleagueCaseEvent.Submit)
        runCurrent()
        assertEquals(listOf(RefusedInvitation(UserId("dr.roux"), CaseError.InvalidUserId)), presenter.state.value.refused)
    }

    @Test
    fun `the core's refusal of the case keeps what was typed, invites nobody, and clears on the next change`() = runTest {
        cases.createResult = { Outcome.Failure(CaseError.InvalidHeader(HeaderProblem.PATIENT_LABEL_TOO_LONG)) }
        val presenter = presenter()
        presenter.fillHeader()
        presenter.add(DERM.value)
        presenter.onEvent(ColleagueCaseEvent.Submit)
        runCurrent()

        val state = presenter.state.value
        assertEquals(CaseError.InvalidHeader(HeaderProblem.PATIENT_LABEL_TOO_LONG), state.error)
        assertTrue(cases.invited.all.isEmpty())
        assertNull(state.openedRoom)
        assertEquals(" J.D. ", state.patientLabel)
        assertEquals(listOf(DERM), state.colleagues)
        assertTrue(state.canSubmit, "the doctor may correct and try again")

        presenter.onEvent(ColleagueCaseEvent.PatientLabelChanged("JD"))
        assertNull(presenter.state.value.error)
    }
}
