package fr.innomed.android.features.careteam

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.HeaderProblem
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.Profession
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.GP
import fr.innomed.android.test.specialist
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.advanceTimeBy
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The coordinator opens a care team with professionals picked from the directory; the core says whether it holds. */
class CareTeamPresenterTest {
    private val requests = FakeRequestService()
    private val directory = FakeDirectoryService()
    private val coordinator = specialist(GP, "Dr Paul Martin", "general_practice")
    private val benali = specialist(DERM, "Dr Nadia Benali")
    private val nurse = MemberEntry(UserId("@ide.roux:cpts.test"), "Élodie Roux", Profession.NURSE, emptyList(), "10004567891", retired = false)
    private val pharmacist = MemberEntry(UserId("@ph.aubert:cpts.test"), "Eric Aubert", Profession.PHARMACIST, emptyList(), "10007654329", retired = false)
    private val room = RoomId("!team:cpts.test")

    init {
        directory.searchResult = { _, name ->
            val all = listOf(pharmacist, coordinator, nurse, benali)
            Outcome.Success(if (name == null) all else all.filter { it.displayName.contains(name, ignoreCase = true) })
        }
    }

    private fun TestScope.presenter() = CareTeamPresenter(backgroundScope, requests, directory, me = GP).also { runCurrent() }

    private fun CareTeamPresenter.fillHeader() {
        onEvent(CareTeamEvent.PatientLabelChanged(" R.T. "))
        onEvent(CareTeamEvent.AgeBandSelected(AgeBand.ELDERLY))
        onEvent(CareTeamEvent.SexSelected(Sex.MALE))
        onEvent(CareTeamEvent.ReasonChanged("Retour à domicile après AVC, plaie du talon"))
        onEvent(CareTeamEvent.QuestionChanged("Coordonner soins infirmiers, pansements et traitement anticoagulant"))
        onEvent(CareTeamEvent.PhotoConsentChanged(true))
    }

    @Test
    fun `the directory is offered in French order, without the doctor opening the team`() = runTest {
        val presenter = presenter()
        assertEquals(listOf(benali, nurse, pharmacist), presenter.state.value.results, "Élodie before Eric; the coordinator is not offered")
        assertEquals(listOf(null to null), directory.searches.all)
    }

    @Test
    fun `the care team opens with the header and the members picked, in the order picked`() = runTest {
        val answer = CompletableDeferred<Outcome<RoomId, RequestError>>()
        requests.careTeamResult = { _, _ -> answer.await() }
        val presenter = presenter()
        presenter.fillHeader()
        presenter.onEvent(CareTeamEvent.MemberToggled(nurse))
        presenter.onEvent(CareTeamEvent.MemberToggled(benali))
        presenter.onEvent(CareTeamEvent.MemberToggled(pharmacist))
        presenter.onEvent(CareTeamEvent.MemberToggled(benali))
        assertEquals(listOf(nurse, pharmacist), presenter.state.value.members, "a second tap takes one off")
        assertTrue(presenter.state.value.canSubmit)

        presenter.onEvent(CareTeamEvent.Submit)
        presenter.onEvent(CareTeamEvent.Submit)
        runCurrent()
        assertTrue(presenter.state.value.submitting)
        answer.complete(Outcome.Success(room))
        runCurrent()

        val header = CaseHeader(
            patientLabel = "R.T.",
            ageBand = AgeBand.ELDERLY,
            sex = Sex.MALE,
            reason = "Retour à domicile après AVC, plaie du talon",
            question = "Coordonner soins infirmiers, pansements et traitement anticoagulant",
            photoConsent = true,
        )
        assertEquals(listOf(header to listOf(nurse.userId, pharmacist.userId)), requests.careTeams.all, "once")
        assertEquals(room, presenter.state.value.created)
        presenter.onEvent(CareTeamEvent.CareTeamOpened)
        assertNull(presenter.state.value.created)
        assertFalse(presenter.state.value.canSubmit, "one team per form")
    }

    @Test
    fun `empty fields keep the button off and send nothing`() = runTest {
        val presenter = presenter()
        assertFalse(presenter.state.value.canSubmit)
        presenter.onEvent(CareTeamEvent.PatientLabelChanged("R.T."))
        presenter.onEvent(CareTeamEvent.AgeBandSelected(AgeBand.ELDERLY))
        presenter.onEvent(CareTeamEvent.QuestionChanged("Suivi de plaie"))
        assertFalse(presenter.state.value.canSubmit, "no member yet")
        presenter.onEvent(CareTeamEvent.Submit)
        presenter.onEvent(CareTeamEvent.MemberToggled(nurse))
        presenter.onEvent(CareTeamEvent.QuestionChanged("  "))
        assertFalse(presenter.state.value.canSubmit, "no question")
        presenter.onEvent(CareTeamEvent.Submit)
        runCurrent()
        assertTrue(requests.careTeams.all.isEmpty())
    }

    @Test
    fun `the core's refusal is shown and nothing typed or picked is lost`() = runTest {
        requests.careTeamResult = { _, _ -> Outcome.Failure(RequestError.NotInDirectory) }
        val presenter = presenter()
        presenter.fillHeader()
        presenter.onEvent(CareTeamEvent.MemberToggled(nurse))
        presenter.onEvent(CareTeamEvent.Submit)
        runCurrent()
        val state = presenter.state.value
        assertEquals(RequestError.NotInDirectory, state.error)
        assertEquals(" R.T. ", state.patientLabel)
        assertEquals(listOf(nurse), state.members)
        assertNull(state.created)
        assertTrue(state.canSubmit, "tried again as it is")

        requests.careTeamResult = { _, _ -> Outcome.Failure(RequestError.InvalidHeader(HeaderProblem.TEXT_TOO_LONG)) }
        presenter.onEvent(CareTeamEvent.Submit)
        runCurrent()
        assertEquals(RequestError.InvalidHeader(HeaderProblem.TEXT_TOO_LONG), presenter.state.value.error)
        presenter.onEvent(CareTeamEvent.DismissError)
        assertNull(presenter.state.value.error)
        assertEquals(2, requests.careTeams.all.size)
    }

    @Test
    fun `typing searches the directory once the doctor pauses, and the members picked stay`() = runTest {
        val presenter = presenter()
        presenter.onEvent(CareTeamEvent.MemberToggled(nurse))
        presenter.onEvent(CareTeamEvent.QueryChanged("au"))
        advanceTimeBy(100)
        presenter.onEvent(CareTeamEvent.QueryChanged("aub"))
        advanceTimeBy(301)
        runCurrent()
        assertEquals(listOf(null to null, null to "aub"), directory.searches.all)
        assertEquals(listOf(pharmacist), presenter.state.value.results)
        assertEquals(listOf(nurse), presenter.state.value.members)

        directory.searchResult = { _, _ -> Outcome.Failure(DirectoryError.HomeserverUnreachable) }
        presenter.onEvent(CareTeamEvent.RetrySearch)
        runCurrent()
        assertEquals(DirectoryError.HomeserverUnreachable, presenter.state.value.searchError)
        assertEquals(listOf(nurse), presenter.state.value.members)
    }
}
