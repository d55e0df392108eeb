package fr.innomed.android.impl

import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.Unvouched
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.android.api.conversation.MessageContent
import fr.innomed.android.api.conversation.RejectedEvent
import fr.innomed.android.api.conversation.RejectionReason
import fr.innomed.sdk.CaseException
import fr.innomed.sdk.MessageKind
import fr.innomed.sdk.Rejection
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import fr.innomed.sdk.Unvouched as SdkUnvouched
import fr.innomed.sdk.UnvouchedMember as SdkUnvouchedMember

/** The bindings' new case rules, as the API carries them (no Rust call: plain generated values). */
class TimelineMappersTest {
    @Test
    fun `a rejected case event keeps only its kind and the reason`() {
        val cases = mapOf(
            MessageKind.Rejected("fr.innomed.case.header", Rejection.NOT_FROM_CREATOR) to
                MessageContent.Rejected(RejectedEvent.HEADER, RejectionReason.NOT_FROM_CREATOR),
            MessageKind.Rejected("fr.innomed.case.header", Rejection.HEADER_ALREADY_GIVEN) to
                MessageContent.Rejected(RejectedEvent.HEADER, RejectionReason.HEADER_ALREADY_GIVEN),
            MessageKind.Rejected("fr.innomed.case.advice", Rejection.NOT_FROM_TAKER) to
                MessageContent.Rejected(RejectedEvent.ADVICE, RejectionReason.NOT_FROM_TAKER),
            MessageKind.Rejected("fr.innomed.case.closure", Rejection.MALFORMED) to
                MessageContent.Rejected(RejectedEvent.CLOSURE, RejectionReason.MALFORMED),
            MessageKind.Rejected("fr.innomed.case.something", Rejection.MALFORMED) to
                MessageContent.Rejected(RejectedEvent.OTHER, RejectionReason.MALFORMED),
        )
        cases.forEach { (kind, content) -> assertEquals(content, kind.toContent(), kind.toString()) }
        assertEquals(MessageContent.Untrusted, MessageKind.Untrusted.toContent())
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
    }

    @Test
    fun `the new case errors have their own kinds`() {
        assertEquals(CaseError.UnknownSpecialty, caseError(CaseException.UnknownSpecialty()))
        assertEquals(CaseError.RemovalNotConfirmed, caseError(CaseException.RemovalNotConfirmed()))
        assertEquals(CaseError.NotAllowed, caseError(CaseException.NotAllowed()))
    }
}
