package fr.innomed.android.impl

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseMember
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.CaseStatusInfo
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.cases.RequestBrief
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Unvouched
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.conversation.ConversationError
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.conversation.RejectedEvent
import fr.innomed.android.api.conversation.Rejection
import fr.innomed.android.api.requests.CallBack
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.trust.TrustLevel
import fr.innomed.core.CaseException
import fr.innomed.core.ConversationException
import fr.innomed.core.CptsException
import fr.innomed.core.PhotoException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import fr.innomed.core.AgeBand as SdkAgeBand
import fr.innomed.core.CallBack as SdkCallBack
import fr.innomed.core.CaseMember as SdkCaseMember
import fr.innomed.core.CaseStatus as SdkCaseStatus
import fr.innomed.core.CaseStatusInfo as SdkCaseStatusInfo
import fr.innomed.core.CaseSummary as SdkCaseSummary
import fr.innomed.core.Membership as SdkMembership
import fr.innomed.core.MessageKind as SdkMessageKind
import fr.innomed.core.Rejection as SdkRejection
import fr.innomed.core.RequestBrief as SdkRequestBrief
import fr.innomed.core.Sex as SdkSex
import fr.innomed.core.TrustLevel as SdkTrustLevel
import fr.innomed.core.Unvouched as SdkUnvouched
import fr.innomed.core.UnvouchedMember as SdkUnvouchedMember
import fr.innomed.core.Urgency as SdkUrgency

/** The bindings' new case rules, as the API carries them (no Rust call: plain generated values). */
class ConversationMappersTest {
    @Test
    fun `a rejected case event keeps only its kind and the reason`() {
        val cases = mapOf(
            SdkMessageKind.Rejected("fr.innomed.case.header", SdkRejection.NOT_FROM_CREATOR) to
                MessageKind.Rejected(RejectedEvent.HEADER, Rejection.NOT_FROM_CREATOR),
            SdkMessageKind.Rejected("fr.innomed.case.header", SdkRejection.HEADER_ALREADY_GIVEN) to
                MessageKind.Rejected(RejectedEvent.HEADER, Rejection.HEADER_ALREADY_GIVEN),
            SdkMessageKind.Rejected("fr.innomed.case.advice", SdkRejection.NOT_FROM_TAKER) to
                MessageKind.Rejected(RejectedEvent.ADVICE, Rejection.NOT_FROM_TAKER),
            SdkMessageKind.Rejected("fr.innomed.case.closure", SdkRejection.MALFORMED) to
                MessageKind.Rejected(RejectedEvent.CLOSURE, Rejection.MALFORMED),
            SdkMessageKind.Rejected("fr.innomed.case.something", SdkRejection.MALFORMED) to
                MessageKind.Rejected(RejectedEvent.OTHER, Rejection.MALFORMED),
        )
        cases.forEach { (core, api) -> assertEquals(api, core.toApi(), core.toString()) }
        assertEquals(MessageKind.Untrusted, SdkMessageKind.Untrusted.toApi())
    }

    @Test
    fun `a call back asked and a call placed reach the API as their kinds, a call back from anyone else as rejected`() {
        assertEquals(
            MessageKind.CallBackAsked(CallBack(phone = "+33612345678", display = "06 12 34 56 78")),
            SdkMessageKind.CallBack(SdkCallBack(phone = "+33612345678", display = "06 12 34 56 78")).toApi(),
        )
        assertEquals(MessageKind.CallPlaced, SdkMessageKind.Call.toApi())
        assertEquals(
            MessageKind.Rejected(RejectedEvent.CALL_BACK, Rejection.NOT_FROM_CREATOR),
            SdkMessageKind.Rejected("fr.innomed.case.call_back", SdkRejection.NOT_FROM_CREATOR).toApi(),
        )
    }

    @Test
    fun `members nobody vouches for keep their id and the reason`() {
        assertEquals(
            UnvouchedMember(UserId("@intrus:elsewhere.test"), Unvouched.NOT_INVITED_BY_MEMBER),
            SdkUnvouchedMember("@intrus:elsewhere.test", SdkUnvouched.NOT_INVITED_BY_MEMBER).toApi(),
        )
        assertEquals(
            UnvouchedMember(UserId("@old:cpts.test"), Unvouched.NO_CROSS_SIGNING),
            SdkUnvouchedMember("@old:cpts.test", SdkUnvouched.NO_CROSS_SIGNING).toApi(),
        )
        assertEquals(
            UnvouchedMember(UserId("@dr.roux:cpts.test"), Unvouched.NOT_CONFIRMED),
            SdkUnvouchedMember("@dr.roux:cpts.test", SdkUnvouched.NOT_CONFIRMED).toApi(),
        )
    }

    @Test
    fun `a case member keeps the name and specialties the core gives`() {
        assertEquals(
            CaseMember(UserId("@derm:cpts.test"), Membership.JOINED, "Dr Claire Morel", listOf("dermatology"), inDirectory = true, TrustLevel.VERIFIED),
            SdkCaseMember("@derm:cpts.test", SdkMembership.JOINED, "Dr Claire Morel", listOf("dermatology"), true, SdkTrustLevel.VERIFIED).toApi(),
        )
        assertEquals(
            CaseMember(UserId("@intrus:elsewhere.test"), Membership.INVITED, "@intrus:elsewhere.test", emptyList(), inDirectory = false, TrustLevel.NONE),
            SdkCaseMember("@intrus:elsewhere.test", SdkMembership.INVITED, "@intrus:elsewhere.test", emptyList(), false, SdkTrustLevel.NONE).toApi(),
        )
    }

    @Test
    fun `the new case errors have their own kinds`() {
        assertEquals(CaseError.UnknownSpecialty, caseError(CaseException.UnknownSpecialty()))
        assertEquals(CaseError.RemovalNotConfirmed, caseError(CaseException.RemovalNotConfirmed()))
        assertEquals(CaseError.NotAllowed, caseError(CaseException.NotAllowed()))
    }

    @Test
    fun `an invitation to a request carries its brief to the row, with nothing of the patient`() {
        val summary = SdkCaseSummary(
            roomId = "!req:cpts.test",
            code = "IM-7K2QX9",
            membership = SdkMembership.INVITED,
            status = null,
            specialty = null,
            urgency = SdkUrgency.ROUTINE,
            dueMs = null,
            deadline = null,
            cpts = "!cpts:cpts.test",
            lastMessage = null,
            unread = 0uL,
            muted = false,
            inviter = "@dr.martin:cpts.test",
            inviterName = "Dr Paul Martin",
            archived = false,
            askedByMe = false,
            waitingForMe = false,
            brief = SdkRequestBrief(
                requester = "@dr.martin:cpts.test",
                specialty = "dermatology",
                urgency = SdkUrgency.URGENT,
                dueMs = 1_700_086_400_000uL,
                ageBand = SdkAgeBand.SENIOR,
                sex = SdkSex.FEMALE,
                question = "Exérèse ?",
            ),
        )
        val row = summary.toApi()
        assertTrue(row.isInvitation && row.isRequest)
        assertEquals(Membership.INVITED, row.membership)
        assertEquals(
            RequestBrief(
                requester = UserId("@dr.martin:cpts.test"),
                specialty = "dermatology",
                urgency = Urgency.URGENT,
                dueAtMillis = 1_700_086_400_000,
                ageBand = AgeBand.SENIOR,
                sex = Sex.FEMALE,
                question = "Exérèse ?",
            ),
            row.brief,
        )
        assertNull(summary.copy(brief = null).toApi().brief)
        assertEquals("Dr Paul Martin", row.inviterName, "the core's name for who invited")
        assertTrue(summary.copy(cpts = null).toApi().isRequest, "an invitation whose status is not known yet is a request by its brief")
    }

    @Test
    fun `the case screen's details carry the core's status info, none while only invited`() {
        val info = SdkCaseStatusInfo(SdkCaseStatus.ACCEPTED, "dermatology", SdkUrgency.SOON, 1_700_086_400_000uL, "!cpts:cpts.test", "@derm:cpts.test")
        assertEquals(
            CaseDetails(
                RoomId("!req:cpts.test"),
                "IM-7K2QX9",
                Membership.JOINED,
                CaseStatusInfo(CaseStatus.ACCEPTED, "dermatology", Urgency.SOON, 1_700_086_400_000, isRequest = true, acceptedBy = UserId("@derm:cpts.test")),
                muted = true,
            ),
            caseDetails("!req:cpts.test", "IM-7K2QX9", SdkMembership.JOINED, info, muted = true),
        )
        assertEquals(false, caseDetails("!case:cpts.test", "IM-2B4C6D", SdkMembership.JOINED, info.copy(cpts = null), muted = false).statusInfo?.isRequest)
        assertNull(caseDetails("!req:cpts.test", "IM-7K2QX9", SdkMembership.INVITED, null, muted = false).statusInfo)
    }

    @Test
    fun `a request not handed over yet, and a refused photo of a new request, have their own kinds`() {
        assertEquals(CaseError.NotHandedOver, caseError(CaseException.NotHandedOver()))
        assertEquals(ConversationError.NotHandedOver, conversationError(ConversationException.NotHandedOver()))
        assertEquals(ConversationError.NotHandedOver, conversationError(CaseException.NotHandedOver()))
        assertEquals(PhotoError.NotHandedOver, photoError(PhotoException.NotHandedOver()))
        assertEquals(PhotoError.NotHandedOver, photoError(ConversationException.NotHandedOver()))
        assertEquals(RequestError.PhotoRefused, requestError(CptsException.Photo(PhotoException.TooLarge(40_000_000u, 20_000_000u))))
    }

    @Test
    fun `someone nobody invited in the case is its own kind, wherever something is sent`() {
        assertEquals(CaseError.UninvitedMember, caseError(CaseException.UninvitedMember()))
        assertEquals(ConversationError.UninvitedMember, conversationError(ConversationException.UninvitedMember()))
        assertEquals(ConversationError.UninvitedMember, conversationError(CaseException.UninvitedMember()))
        assertEquals(PhotoError.UninvitedMember, photoError(PhotoException.UninvitedMember()))
        assertEquals(PhotoError.UninvitedMember, photoError(ConversationException.UninvitedMember()))
        assertEquals(PhotoError.UninvitedMember, photoError(CaseException.UninvitedMember()))
        assertEquals(RequestError.UninvitedMember, requestError(CptsException.Case(CaseException.UninvitedMember())))
        assertEquals(RequestError.UninvitedMember, requestError(CaseException.UninvitedMember()))
        assertEquals(RequestError.NotHandedOver, requestError(CptsException.Case(CaseException.NotHandedOver())))
    }

    @Test
    fun `a member nobody confirmed in the case is its own kind, wherever something is sent`() {
        assertEquals(CaseError.UnconfirmedMember, caseError(CaseException.UnconfirmedMember()))
        assertEquals(ConversationError.UnconfirmedMember, conversationError(ConversationException.UnconfirmedMember()))
        assertEquals(ConversationError.UnconfirmedMember, conversationError(CaseException.UnconfirmedMember()))
        assertEquals(PhotoError.UnconfirmedMember, photoError(PhotoException.UnconfirmedMember()))
        assertEquals(PhotoError.UnconfirmedMember, photoError(ConversationException.UnconfirmedMember()))
        assertEquals(PhotoError.UnconfirmedMember, photoError(CaseException.UnconfirmedMember()))
        assertEquals(RequestError.UnconfirmedMember, requestError(CptsException.Case(CaseException.UnconfirmedMember())))
    }
}
