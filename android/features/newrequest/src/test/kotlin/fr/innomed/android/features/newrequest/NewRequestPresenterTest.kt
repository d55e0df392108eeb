package fr.innomed.android.features.newrequest

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.OTHER_DERM
import fr.innomed.android.test.specialist
import fr.innomed.android.test.testSpecialties
import java.io.File
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class NewRequestPresenterTest {
    private val requests = FakeRequestService()
    private val directory = FakeDirectoryService()
    private val discarded = mutableListOf<File>()
    private val benali = specialist(DERM, "Dr Nadia Benali")
    private val lefevre = specialist(OTHER_DERM, "Dr Hélène Lefèvre")
    private val created = RoomId("!req:cpts.test")
    private val camera = File("/data/files/photos/lesion.jpg")

    private fun TestScope.presenter() = NewRequestPresenter(backgroundScope, requests, directory, discarded::add)

    private fun NewRequestPresenter.fill(consent: Boolean) {
        onEvent(NewRequestEvent.SpecialtySelected("dermatology"))
        onEvent(NewRequestEvent.UrgencySelected(Urgency.SOON))
        onEvent(NewRequestEvent.PatientLabelChanged(" J.L. "))
        onEvent(NewRequestEvent.AgeBandSelected(AgeBand.ADULT))
        onEvent(NewRequestEvent.SexSelected(Sex.MALE))
        onEvent(NewRequestEvent.ReasonChanged("Nævus"))
        onEvent(NewRequestEvent.QuestionChanged(" Conduite à tenir ? "))
        onEvent(NewRequestEvent.ConsentChanged(consent))
    }

    @Test
    fun `the specialties come from the API's fixed list, and an unknown code is ignored`() = runTest {
        val presenter = presenter()
        assertEquals(testSpecialties, presenter.state.value.specialties)
        presenter.onEvent(NewRequestEvent.SpecialtySelected("astrology"))
        assertNull(presenter.state.value.specialty)
    }

    @Test
    fun `nothing is sent without the patient's consent`() = runTest {
        directory.onDutyResult = { Outcome.Success(listOf(benali)) }
        val presenter = presenter()
        presenter.fill(consent = false)
        runCurrent()
        assertFalse(presenter.state.value.canSubmit)
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(setOf(RequestField.CONSENT), presenter.state.value.invalidFields)
        assertTrue(requests.opened.all.isEmpty())

        presenter.onEvent(NewRequestEvent.ConsentChanged(true))
        assertTrue(presenter.state.value.canSubmit)
        assertTrue(presenter.state.value.invalidFields.isEmpty())
    }

    @Test
    fun `missing fields are marked`() = runTest {
        val presenter = presenter()
        presenter.onEvent(NewRequestEvent.ConsentChanged(true))
        presenter.onEvent(NewRequestEvent.QuestionChanged("   "))
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(
            setOf(RequestField.SPECIALTY, RequestField.PATIENT_LABEL, RequestField.AGE_BAND, RequestField.REASON, RequestField.QUESTION),
            presenter.state.value.invalidFields,
        )
        assertTrue(requests.opened.all.isEmpty())
    }

    @Test
    fun `choosing a specialty shows who is on duty, or offers the directory when nobody is`() = runTest {
        directory.onDutyResult = { code -> Outcome.Success(if (code == "dermatology") listOf(benali) else emptyList()) }
        directory.searchResult = { _, _ -> Outcome.Success(listOf(lefevre)) }
        val presenter = presenter()
        presenter.onEvent(NewRequestEvent.SpecialtySelected("dermatology"))
        assertEquals(OnDuty.Checking, presenter.state.value.onDuty)
        runCurrent()
        assertEquals(OnDuty.Available(listOf(benali)), presenter.state.value.onDuty)

        presenter.onEvent(NewRequestEvent.SpecialtySelected("cardiology"))
        runCurrent()
        assertEquals(OnDuty.Nobody(listOf(lefevre)), presenter.state.value.onDuty)
        assertEquals(listOf("cardiology" to null), directory.searches.all)
    }

    @Test
    fun `a complete request is sent trimmed, and the new case opens`() = runTest {
        directory.onDutyResult = { Outcome.Success(listOf(benali)) }
        requests.openResult = { Outcome.Success(created) }
        val presenter = presenter()
        presenter.fill(consent = true)
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        val sent = requests.opened.all.single()
        assertEquals("dermatology", sent.specialty)
        assertEquals(Urgency.SOON, sent.urgency)
        assertEquals("J.L.", sent.header.patientLabel)
        assertEquals("Conduite à tenir ?", sent.header.question)
        assertTrue(sent.patientConsent)
        assertNull(sent.expert)
        assertEquals(created, presenter.state.value.created)
        assertFalse(presenter.state.value.canSubmit, "no second request from the same form")
    }

    @Test
    fun `nobody on duty at submit offers the directory, and the picked specialist gets the request`() = runTest {
        directory.onDutyResult = { Outcome.Failure(DirectoryError.HomeserverUnreachable) }
        requests.openResult = { request ->
            if (request.expert == null) {
                Outcome.Failure(RequestError.NoOneOnDuty("dermatology", listOf(lefevre)))
            } else {
                Outcome.Success(created)
            }
        }
        val presenter = presenter()
        presenter.fill(consent = true)
        runCurrent()
        assertEquals(OnDuty.Unknown, presenter.state.value.onDuty, "the form stays usable without the rota")
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertTrue(presenter.state.value.error is RequestError.NoOneOnDuty)
        assertEquals(OnDuty.Nobody(listOf(lefevre)), presenter.state.value.onDuty)

        presenter.onEvent(NewRequestEvent.ExpertPicked(lefevre))
        assertNull(presenter.state.value.error)
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(OTHER_DERM, requests.opened.all.last().expert)
        assertEquals(created, presenter.state.value.created)
    }

    @Test
    fun `a picked specialist of another specialty is dropped when the specialty changes`() = runTest {
        directory.onDutyResult = { Outcome.Success(emptyList()) }
        directory.searchResult = { _, _ -> Outcome.Success(emptyList()) }
        val presenter = presenter()
        presenter.onEvent(NewRequestEvent.SpecialtySelected("dermatology"))
        presenter.onEvent(NewRequestEvent.ExpertPicked(lefevre))
        presenter.onEvent(NewRequestEvent.SpecialtySelected("cardiology"))
        runCurrent()
        assertNull(presenter.state.value.expert)
    }

    @Test
    fun `a photo needs the patient's consent to photos, then goes with the request`() = runTest {
        directory.onDutyResult = { Outcome.Success(listOf(benali)) }
        // The core's rule, as the service answers it: a photo without the header's consent is refused.
        requests.openResult = { request ->
            if (request.photos.isNotEmpty() && !request.header.photoConsent) {
                Outcome.Failure(RequestError.PhotoConsentMissing)
            } else {
                Outcome.Success(created)
            }
        }
        val presenter = presenter()
        presenter.fill(consent = true)
        presenter.onEvent(NewRequestEvent.PhotoTaken(camera))
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(setOf(RequestField.PHOTO_CONSENT), presenter.state.value.invalidFields)
        assertNull(presenter.state.value.created, "refused: no request opened")
        assertEquals(camera, presenter.state.value.photo, "the photo is kept for a second try")
        assertTrue(discarded.isEmpty())

        presenter.onEvent(NewRequestEvent.PhotoConsentChanged(true))
        assertTrue(presenter.state.value.invalidFields.isEmpty())
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        val sent = requests.opened.all.last()
        assertTrue(sent.header.photoConsent)
        assertEquals(listOf(camera), sent.photos, "the photo leaves with the request, nothing is written into it afterwards")
        assertEquals(listOf(camera), discarded, "the camera file is deleted once the request is sent")
        assertEquals(created, presenter.state.value.created)
        assertNull(presenter.state.value.photo)
        assertFalse(presenter.state.value.canTakePhoto)
    }

    @Test
    fun `a request without a photo sends an empty list`() = runTest {
        directory.onDutyResult = { Outcome.Success(listOf(benali)) }
        requests.openResult = { Outcome.Success(created) }
        val presenter = presenter()
        presenter.fill(consent = true)
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertTrue(requests.opened.all.single().photos.isEmpty())
        assertTrue(discarded.isEmpty())
    }

    @Test
    fun `a photo the core refuses sends nothing, says why, and is dropped so the request can go without it`() = runTest {
        directory.onDutyResult = { Outcome.Success(listOf(benali)) }
        requests.openResult = { request -> if (request.photos.isEmpty()) Outcome.Success(created) else Outcome.Failure(RequestError.PhotoRefused) }
        val presenter = presenter()
        presenter.fill(consent = true)
        presenter.onEvent(NewRequestEvent.PhotoConsentChanged(true))
        presenter.onEvent(NewRequestEvent.PhotoTaken(camera))
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(RequestError.PhotoRefused, presenter.state.value.error)
        assertNull(presenter.state.value.created, "nothing was created")
        assertNull(presenter.state.value.photo)
        assertEquals(listOf(camera), discarded)
        assertTrue(presenter.state.value.canSubmit && presenter.state.value.canTakePhoto)

        presenter.onEvent(NewRequestEvent.DismissError)
        assertNull(presenter.state.value.error)
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(created, presenter.state.value.created)
    }

    @Test
    fun `a request refused for another reason keeps its photo for the next try`() = runTest {
        directory.onDutyResult = { Outcome.Success(listOf(benali)) }
        requests.openResult = { Outcome.Failure(RequestError.HomeserverUnreachable) }
        val presenter = presenter()
        presenter.fill(consent = true)
        presenter.onEvent(NewRequestEvent.PhotoConsentChanged(true))
        presenter.onEvent(NewRequestEvent.PhotoTaken(camera))
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(RequestError.HomeserverUnreachable, presenter.state.value.error)
        assertEquals(camera, presenter.state.value.photo)
        assertTrue(discarded.isEmpty())

        requests.openResult = { Outcome.Success(created) }
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(listOf(camera), requests.opened.all.last().photos)
        assertEquals(listOf(camera), discarded)
    }

    @Test
    fun `a replaced or removed photo, or one left on a closed form, is discarded`() = runTest {
        val formJob = Job(backgroundScope.coroutineContext[Job])
        val presenter = NewRequestPresenter(CoroutineScope(backgroundScope.coroutineContext + formJob), requests, directory, discarded::add)
        val second = File("/data/files/photos/second.jpg")
        val third = File("/data/files/photos/third.jpg")
        presenter.onEvent(NewRequestEvent.PhotoTaken(camera))
        presenter.onEvent(NewRequestEvent.PhotoTaken(second))
        assertEquals(listOf(camera), discarded)
        presenter.onEvent(NewRequestEvent.PhotoRemoved)
        assertEquals(listOf(camera, second), discarded)
        assertNull(presenter.state.value.photo)

        presenter.onEvent(NewRequestEvent.PhotoTaken(third))
        formJob.cancel()
        assertEquals(listOf(camera, second, third), discarded)
    }
}
