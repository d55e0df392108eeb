package fr.innomed.android.impl

import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.cpts.JoinRequestError
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.requests.CallBack
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestProblem
import fr.innomed.android.api.requests.TeleExpertiseRequest
import fr.innomed.core.CptsException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import fr.innomed.core.CallBack as SdkCallBack
import fr.innomed.core.RequestProblem as SdkRequestProblem
import fr.innomed.core.Urgency as SdkUrgency

/** A request's number to call back, as the API carries it to the core and back (no Rust call: plain generated values). */
class CallBackMappersTest {
    private val request = TeleExpertiseRequest(
        specialty = "dermatology",
        urgency = Urgency.SOON,
        header = CaseHeader("J.L.", AgeBand.ADULT, Sex.MALE, "Nævus", "Conduite à tenir ?", photoConsent = false),
        patientConsent = true,
        expert = UserId("@dr.benali:cpts.test"),
    )

    @Test
    fun `the number to call back reaches the core as typed, none when the GP gave none`() {
        val sdk = request.copy(callBack = "06 12 34 56 78").toSdk(emptyList())
        assertEquals("06 12 34 56 78", sdk.callBack)
        assertEquals("dermatology", sdk.specialty)
        assertEquals(SdkUrgency.SOON, sdk.urgency)
        assertEquals("@dr.benali:cpts.test", sdk.expert)
        assertEquals(true, sdk.patientConsent)
        assertNull(request.toSdk(emptyList()).callBack)
    }

    @Test
    fun `the number the core gives keeps both its forms, to dial and to read`() {
        assertEquals(
            CallBack(phone = "+33612345678", display = "06 12 34 56 78"),
            SdkCallBack(phone = "+33612345678", display = "06 12 34 56 78").toApi(),
        )
    }

    @Test
    fun `a number the core refuses is InvalidRequest(INVALID_PHONE)`() {
        assertEquals(
            RequestError.InvalidRequest(RequestProblem.INVALID_PHONE),
            requestError(CptsException.InvalidRequest(SdkRequestProblem.INVALID_PHONE)),
        )
        // Nowhere else does the core check a phone number: elsewhere it is only a code for support.
        assertEquals(DirectoryError.Other("CptsException.InvalidRequest"), directoryError(CptsException.InvalidRequest(SdkRequestProblem.INVALID_PHONE)))
        assertEquals(JoinRequestError.Other("CptsException.InvalidRequest"), joinRequestError(CptsException.InvalidRequest(SdkRequestProblem.INVALID_PHONE)))
    }
}
