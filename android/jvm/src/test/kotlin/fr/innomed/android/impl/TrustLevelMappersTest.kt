package fr.innomed.android.impl

import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.trust.TrustLevel
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import fr.innomed.core.CaseMember as SdkCaseMember
import fr.innomed.core.CaseMessage as SdkCaseMessage
import fr.innomed.core.Membership as SdkMembership
import fr.innomed.core.MessageKind as SdkMessageKind
import fr.innomed.core.SendState as SdkSendState
import fr.innomed.core.TrustLevel as SdkTrustLevel

/** The core's trust level reaches the API unchanged, on a member and on a message (no Rust call). */
class TrustLevelMappersTest {
    private val levels = mapOf(
        SdkTrustLevel.VERIFIED to TrustLevel.VERIFIED,
        SdkTrustLevel.ATTESTED to TrustLevel.ATTESTED,
        SdkTrustLevel.UNVERIFIED to TrustLevel.UNVERIFIED,
        SdkTrustLevel.CHANGED to TrustLevel.CHANGED,
        SdkTrustLevel.NONE to TrustLevel.NONE,
    )

    @Test
    fun `every level the core has maps to its own`() {
        assertEquals(SdkTrustLevel.entries.toSet(), levels.keys)
        assertEquals(TrustLevel.entries.toSet(), levels.values.toSet())
        levels.forEach { (core, api) -> assertEquals(api, core.toApi()) }
    }

    @Test
    fun `a case member carries this doctor's trust in their identity`() {
        levels.forEach { (core, api) ->
            val member = SdkCaseMember("@derm:cpts.test", SdkMembership.JOINED, "Dr Claire Morel", listOf("dermatology"), true, core)
            assertEquals(api, member.toApi().trust)
        }
    }

    @Test
    fun `a message carries the trust its decryption established in the sender`() {
        levels.forEach { (core, api) ->
            val message = message(core).toApi()
            assertEquals(api, message.trust)
            assertEquals(MessageKind.Text("Bonjour"), message.kind)
        }
    }

    private fun message(trust: SdkTrustLevel) = SdkCaseMessage(
        eventId = "\$event",
        transactionId = null,
        sender = "@derm:cpts.test",
        isOwn = false,
        timestampMs = 1_700_000_000_000uL,
        kind = SdkMessageKind.Text("Bonjour", html = null),
        inReplyTo = null,
        edited = false,
        sharedBy = null,
        sendState = SdkSendState.Sent,
        readBy = emptyList(),
        reactions = emptyList(),
        trust = trust,
    )
}
