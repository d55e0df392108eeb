package fr.innomed.android.impl

import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.HeaderProblem
import fr.innomed.android.api.cpts.JoinRequestError
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.EntryEdit
import fr.innomed.android.api.directory.EntryProblem
import fr.innomed.android.api.directory.PartnerCpts
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestProblem
import fr.innomed.core.CaseException
import fr.innomed.core.CptsException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import fr.innomed.core.EntryEdit as SdkEntryEdit
import fr.innomed.core.HeaderProblem as SdkHeaderProblem
import fr.innomed.core.Partner as SdkPartner
import fr.innomed.core.RequestProblem as SdkRequestProblem

/** The coordinator's calls (correcting an entry, creating a CPTS, opening a care team, declaring a partner CPTS), as the API carries them (no Rust call: plain generated values). */
class CptsMappersTest {
    @Test
    fun `a correction reaches the core as typed`() {
        assertEquals(
            SdkEntryEdit(displayName = "Dr Inès Benali", specialties = listOf("dermatology"), retired = true),
            EntryEdit("Dr Inès Benali", listOf("dermatology"), retired = true).toSdk(),
        )
    }

    @Test
    fun `the core's refusals of an entry keep their kinds`() {
        assertEquals(
            DirectoryError.InvalidEntry(EntryProblem.NO_MEMBER_NAME),
            directoryError(CptsException.InvalidRequest(SdkRequestProblem.NO_MEMBER_NAME)),
        )
        assertEquals(
            DirectoryError.InvalidEntry(EntryProblem.NO_SPECIALTY),
            directoryError(CptsException.InvalidRequest(SdkRequestProblem.NO_SPECIALTY)),
        )
        assertEquals(DirectoryError.NotAllowed, directoryError(CptsException.NotAllowed()))
        assertEquals(DirectoryError.NotInDirectory, directoryError(CptsException.NotInDirectory()))
        assertEquals(DirectoryError.OutsideNetwork, directoryError(CptsException.OutsideNetwork()))
        assertEquals(DirectoryError.NotAPartner, directoryError(CptsException.NotAPartner()))
        assertEquals(DirectoryError.PartnerNotAgreed, directoryError(CptsException.PartnerNotAgreed()))
        assertEquals(DirectoryError.UnknownSpecialty("astrology"), directoryError(CptsException.UnknownSpecialty("astrology")))
        assertEquals(DirectoryError.HomeserverUnreachable, directoryError(CptsException.Case(CaseException.HomeserverUnreachable())))
        assertEquals(DirectoryError.InvalidUserId, directoryError(CptsException.Case(CaseException.InvalidUserId())), "a partner's coordinator as typed")
        assertEquals(DirectoryError.Other("CaseException.NotAllowed"), directoryError(CptsException.Case(CaseException.NotAllowed())))
    }

    @Test
    fun `a partner CPTS keeps its identifiers and whether it declared this CPTS too`() {
        assertEquals(
            PartnerCpts("!voisine:cpts-voisine.fr", "CPTS Voisine", UserId("@coord:cpts-voisine.fr"), agreed = true),
            SdkPartner("!voisine:cpts-voisine.fr", "CPTS Voisine", "@coord:cpts-voisine.fr", agreed = true).toApi(),
        )
    }

    @Test
    fun `a new CPTS without a name is its own kind, other refusals keep theirs`() {
        assertEquals(JoinRequestError.NoCptsName, joinRequestError(CptsException.InvalidRequest(SdkRequestProblem.NO_CPTS_NAME)))
        assertEquals(JoinRequestError.NotAllowed, joinRequestError(CptsException.NotAllowed()))
        assertEquals(JoinRequestError.OutsideNetwork, joinRequestError(CptsException.OutsideNetwork()), "an approval of someone outside the network")
        assertEquals(JoinRequestError.HomeserverUnreachable, joinRequestError(CptsException.HomeserverUnreachable()))
        assertEquals(JoinRequestError.Other("CptsException.InvalidRequest"), joinRequestError(CptsException.InvalidRequest(SdkRequestProblem.NO_SPECIALTY)))
    }

    @Test
    fun `a care team's refusals keep their kinds`() {
        assertEquals(RequestError.NotInDirectory, careTeamError(CptsException.NotInDirectory()))
        assertEquals(
            RequestError.InvalidRequest(RequestProblem.NO_CARE_TEAM_MEMBERS),
            careTeamError(CptsException.InvalidRequest(SdkRequestProblem.NO_CARE_TEAM_MEMBERS)),
        )
        assertEquals(
            RequestError.InvalidHeader(HeaderProblem.NO_QUESTION),
            careTeamError(CptsException.Case(CaseException.InvalidHeader(SdkHeaderProblem.NO_QUESTION))),
        )
        assertEquals(RequestError.NotCrossSigned, careTeamError(CptsException.Case(CaseException.NotCrossSigned())))
        assertEquals(RequestError.HomeserverUnreachable, careTeamError(CptsException.HomeserverUnreachable()))
        assertEquals(RequestError.ExpertNotEligible, requestError(CptsException.NotInDirectory()), "a request's picked specialist, as before")
    }
}
