package fr.innomed.android.features.newrequest

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestProblem
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.specialist
import java.io.File
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The number the GP asks to be called back on: passed as typed, none when blank, the core's refusal beside the field. */
class NewRequestCallBackPresenterTest {
    private val requests = FakeRequestService()
    private val directory = FakeDirectoryService().apply { onDutyResult = { Outcome.Success(listOf(specialist(DERM, "Dr Nadia Benali"))) } }
    private val discarded = mutableListOf<File>()
    private val created = RoomId("!req:cpts.test")
    private val invalidPhone = RequestError.InvalidRequest(RequestProblem.INVALID_PHONE)

    private fun TestScope.filled(callBack: String?): NewRequestPresenter {
        val presenter = NewRequestPresenter(backgroundScope, requests, directory, discarded::add)
        presenter.onEvent(NewRequestEvent.SpecialtySelected("dermatology"))
        presenter.onEvent(NewRequestEvent.PatientLabelChanged("J.L."))
        presenter.onEvent(NewRequestEvent.AgeBandSelected(AgeBand.ADULT))
        presenter.onEvent(NewRequestEvent.ReasonChanged("Nævus"))
        presenter.onEvent(NewRequestEvent.QuestionChanged("Conduite à tenir ?"))
        presenter.onEvent(NewRequestEvent.ConsentChanged(true))
        callBack?.let { presenter.onEvent(NewRequestEvent.CallBackChanged(it)) }
        runCurrent()
        return presenter
    }

    @Test
    fun `the number to call back goes with the request as typed, trimmed, for the core to check`() = runTest {
        requests.openResult = { Outcome.Success(created) }
        val presenter = filled(" 06 12 34 56 78 ")
        assertEquals(" 06 12 34 56 78 ", presenter.state.value.callBack)
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals("06 12 34 56 78", requests.opened.all.single().callBack)
        assertEquals(created, presenter.state.value.created)
    }

    @Test
    fun `no number, or a blank one, asks for no call back`() = runTest {
        requests.openResult = { Outcome.Success(created) }
        filled(null).onEvent(NewRequestEvent.Submit)
        runCurrent()
        filled("   ").onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(listOf(null, null), requests.opened.all.map { it.callBack })
    }

    @Test
    fun `a number the core refuses is said beside its field, no dialog, and what was typed stays`() = runTest {
        requests.openResult = { Outcome.Failure(invalidPhone) }
        val presenter = filled("06 12")
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        val refused = presenter.state.value
        assertEquals(setOf(RequestField.CALL_BACK), refused.invalidFields)
        assertNull(refused.error, "said under the field, not in a dialog")
        assertEquals("06 12", refused.callBack)
        assertEquals("J.L.", refused.patientLabel)
        assertNull(refused.created)
        assertTrue(refused.canSubmit, "corrected, it can be sent again")

        // Still marked when another field is missing at the next tap, until the number changes.
        presenter.onEvent(NewRequestEvent.QuestionChanged(""))
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(setOf(RequestField.QUESTION, RequestField.CALL_BACK), presenter.state.value.invalidFields)
        assertEquals(1, requests.opened.all.size)

        presenter.onEvent(NewRequestEvent.QuestionChanged("Conduite à tenir ?"))
        presenter.onEvent(NewRequestEvent.CallBackChanged("06 12 34 56 78"))
        assertTrue(presenter.state.value.invalidFields.isEmpty())
        requests.openResult = { Outcome.Success(created) }
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(listOf("06 12", "06 12 34 56 78"), requests.opened.all.map { it.callBack })
        assertEquals(created, presenter.state.value.created)
    }

    @Test
    fun `a refused number keeps the camera photo for the corrected request`() = runTest {
        requests.openResult = { Outcome.Failure(invalidPhone) }
        val presenter = filled("12")
        presenter.onEvent(NewRequestEvent.PhotoConsentChanged(true))
        val photo = File("/data/files/photos/lesion.jpg")
        presenter.onEvent(NewRequestEvent.PhotoTaken(photo))
        presenter.onEvent(NewRequestEvent.Submit)
        runCurrent()
        assertEquals(photo, presenter.state.value.photo)
        assertTrue(discarded.isEmpty())
    }
}
