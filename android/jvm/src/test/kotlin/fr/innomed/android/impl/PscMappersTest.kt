package fr.innomed.android.impl

import fr.innomed.android.api.UserId
import fr.innomed.android.api.cpts.JoinRequest
import fr.innomed.android.api.cpts.JoinRequestError
import fr.innomed.android.api.cpts.PscIdentity
import fr.innomed.android.api.directory.Profession
import fr.innomed.android.api.session.SignInError
import fr.innomed.core.AccountException
import fr.innomed.core.CaseException
import fr.innomed.core.CptsException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import fr.innomed.core.JoinRequest as SdkJoinRequest
import fr.innomed.core.Profession as SdkProfession
import fr.innomed.core.PscIdentity as SdkPscIdentity

/** Pro Santé Connect sign-in and join requests, as the API carries them (no Rust call: plain generated values). */
class PscMappersTest {
    @Test
    fun `the Pro Santé Connect sign-in refusals keep their kinds`() {
        assertEquals(SignInError.ProSanteConnectUnavailable, signInError(AccountException.ProSanteConnectUnavailable()))
        assertEquals(SignInError.SignInRefused, signInError(AccountException.SignInRefused()))
    }

    @Test
    fun `a join request keeps what Pro Santé Connect said, or says there is nothing`() {
        val identity = SdkPscIdentity(
            nationalId = "810001234567",
            givenName = "Inès",
            familyName = "Benali",
            profession = SdkProfession.PHYSICIAN,
            professionCode = "10",
            specialtyCode = "SM26",
        )
        assertEquals(
            JoinRequest(
                UserId("@ines:cpts.test"),
                PscIdentity("810001234567", "Inès", "Benali", Profession.PHYSICIAN, "10", "SM26"),
            ),
            SdkJoinRequest("@ines:cpts.test", identity).toApi(),
        )
        assertEquals(
            PscIdentity("810001234567", "Inès", "Benali", null, "99", null),
            identity.copy(profession = null, professionCode = "99", specialtyCode = null).toApi(),
        )
        assertEquals(JoinRequest(UserId("@x:cpts.test"), null), SdkJoinRequest("@x:cpts.test", null).toApi())
    }

    @Test
    fun `the core's join refusals keep their kinds`() {
        assertEquals(JoinRequestError.NoVerifiedIdentity, joinRequestError(CptsException.NoVerifiedIdentity()))
        assertEquals(JoinRequestError.CptsNotFound, joinRequestError(CptsException.NotFound()))
        assertEquals(JoinRequestError.CptsNotFound, joinRequestError(CptsException.Server("M_NOT_FOUND")))
        assertEquals(JoinRequestError.NotAllowed, joinRequestError(CptsException.NotAllowed()))
        assertEquals(JoinRequestError.NotAllowed, joinRequestError(CptsException.Case(CaseException.NotAllowed())))
        assertEquals(JoinRequestError.UnknownSpecialty("astrology"), joinRequestError(CptsException.UnknownSpecialty("astrology")))
        assertEquals(JoinRequestError.HomeserverUnreachable, joinRequestError(CptsException.HomeserverUnreachable()))
        assertEquals(JoinRequestError.Other("CptsException.Server"), joinRequestError(CptsException.Server("M_LIMIT_EXCEEDED")))
    }
}
