package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseMember
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.cases.Unvouched
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.RejectedEvent
import fr.innomed.android.api.conversation.Rejection
import fr.innomed.android.api.conversation.UtdReason
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.trust.TrustLevel
import fr.innomed.android.test.DERM
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.GP
import fr.innomed.android.test.OTHER_DERM
import fr.innomed.android.test.allowed
import fr.innomed.android.test.details
import fr.innomed.android.test.headerCard
import fr.innomed.android.test.message
import fr.innomed.android.test.row
import fr.innomed.android.test.text
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * What the case's rules change on screen: rejected case events, members nobody vouches for, and
 * who is in the case, by name.
 */
class CaseTrustPresenterTest {
    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val room = row("case").roomId
    private val stranger = UserId("@intrus:elsewhere.test")
    /** A colleague the CPTS's coordinator vouches for. */
    private val attested = UserId("@dr.roux:cpts.test")
    private val checks = mutableListOf<Unit>()
    /** What the core names as the case's members; each read is counted. */
    private var members = emptyList<CaseMember>()
    private var memberReads = 0

    private fun TestScope.open(me: UserId, vararg items: ConversationItem): CasePresenter {
        cases.rows.value = listOf(row("case"))
        cases.detailsResult = { Outcome.Success(details(room)) }
        cases.allowedResult = { Outcome.Success(allowed(if (me == GP) CaseRole.REQUESTER else CaseRole.MEMBER, CaseAction.WRITE)) }
        cases.membersResult = { memberReads++; Outcome.Success(members) }
        conversations.itemsOf(room).value = items.toList()
        return CasePresenter(backgroundScope, room, cases, conversations, FakeRequestService(), discardPhoto = {}, FakeDocumentViewer())
            .also { runCurrent() }
    }

    private fun joined(user: UserId) = message(user, MessageKind.Membership(user, "Joined"), eventId = "\$join-${user.value}")

    @Test
    fun `checked with the colleagues, the doctor sends what their new identities held, and a failure is shown`() = runTest {
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        val presenter = open(GP, headerCard())
        conversations.acknowledgeResult = { _, _ -> Outcome.Success(1) }
        presenter.onEvent(CaseEvent.AcknowledgeIdentityChange(listOf(DERM, OTHER_DERM)))
        runCurrent()
        assertEquals(listOf(room to DERM, room to OTHER_DERM), conversations.acknowledged.all)
        assertNull(presenter.state.value.error)

        conversations.acknowledgeResult = { _, _ -> Outcome.Failure(TrustError.HomeserverUnreachable) }
        presenter.onEvent(CaseEvent.AcknowledgeIdentityChange(listOf(DERM, OTHER_DERM)))
        runCurrent()
        assertEquals(3, conversations.acknowledged.all.size, "the first failure stops")
        assertEquals(CaseScreenError.Trust(TrustError.HomeserverUnreachable), presenter.state.value.error)
    }

    @Test
    fun `a header from another member shows as rejected and names nobody the requester`() = runTest {
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        val forged = message(DERM, MessageKind.Rejected(RejectedEvent.HEADER, Rejection.NOT_FROM_CREATOR), me = DERM)
        val presenter = open(DERM, forged, text(DERM, "Je clos ?", DERM))
        val state = presenter.state.value
        assertNull(state.header, "a rejected header's content is never used")
        assertNull(state.requester)
        assertEquals(CaseRole.MEMBER, state.role, "the role is the core's, whatever the header claims")
        assertTrue(state.barActions.isEmpty(), "no status action for the forger")
        assertEquals(forged.message.kind, (state.items.first() as ConversationItem.Message).message.kind)
    }

    @Test
    fun `members nobody vouches for are checked when the case shows and when membership changes`() = runTest {
        var answer = emptyList<UnvouchedMember>()
        cases.unvouchedResult = { checks.add(Unit); Outcome.Success(answer) }
        val presenter = open(GP, headerCard())
        assertEquals(1, checks.size)
        assertTrue(presenter.state.value.unvouched.isEmpty())

        conversations.itemsOf(room).value = listOf(headerCard(), text(DERM, "Bonjour"))
        runCurrent()
        assertEquals(1, checks.size, "a message does not change who is in the case")

        answer = listOf(UnvouchedMember(stranger, Unvouched.NOT_INVITED_BY_MEMBER))
        conversations.itemsOf(room).value = listOf(headerCard(), text(DERM, "Bonjour"), joined(stranger))
        runCurrent()
        assertEquals(2, checks.size)
        assertEquals(answer, presenter.state.value.unvouched)
    }

    @Test
    fun `a failed check keeps the last list, shows no error, and is tried again with the next update`() = runTest {
        val known = listOf(UnvouchedMember(stranger, Unvouched.NO_CROSS_SIGNING))
        cases.unvouchedResult = { checks.add(Unit); Outcome.Success(known) }
        val presenter = open(GP, headerCard(), joined(stranger))
        assertEquals(known, presenter.state.value.unvouched)

        cases.unvouchedResult = { checks.add(Unit); Outcome.Failure(CaseError.HomeserverUnreachable) }
        conversations.itemsOf(room).value = listOf(headerCard(), joined(stranger), joined(OTHER_DERM))
        runCurrent()
        assertEquals(known, presenter.state.value.unvouched)
        assertNull(presenter.state.value.error)

        cases.unvouchedResult = { checks.add(Unit); Outcome.Success(emptyList()) }
        conversations.itemsOf(room).value = listOf(headerCard(), joined(stranger), joined(OTHER_DERM), text(GP, "Qui est-ce ?"))
        runCurrent()
        assertEquals(3, checks.size)
        assertTrue(presenter.state.value.unvouched.isEmpty())
    }

    private fun member(
        user: UserId,
        name: String,
        membership: Membership = Membership.JOINED,
        specialties: List<String> = emptyList(),
        trust: TrustLevel = TrustLevel.UNVERIFIED,
    ) = CaseMember(user, membership, name, specialties, inDirectory = specialties.isNotEmpty(), trust)

    @Test
    fun `the members are named when the case shows and read again when membership changes, flagged when unvouched`() = runTest {
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        members = listOf(member(GP, "Dr Paul Martin"), member(DERM, "Dr Claire Morel", specialties = listOf("dermatology")))
        val presenter = open(GP, headerCard())
        assertEquals(1, memberReads)
        assertEquals(members.map { MemberLine(it, null) }, presenter.state.value.memberLines)

        conversations.itemsOf(room).value = listOf(headerCard(), text(DERM, "Bonjour"))
        runCurrent()
        assertEquals(1, memberReads, "a message does not change who is in the case")

        val intruder = member(stranger, "@intrus:elsewhere.test")
        val gone = member(OTHER_DERM, "Dr Léa Petit", Membership.LEFT)
        members = members + intruder + gone
        cases.unvouchedResult = { Outcome.Success(listOf(UnvouchedMember(stranger, Unvouched.NOT_INVITED_BY_MEMBER))) }
        conversations.itemsOf(room).value = listOf(headerCard(), text(DERM, "Bonjour"), joined(stranger), joined(OTHER_DERM))
        runCurrent()
        assertEquals(2, memberReads)
        assertEquals(members, presenter.state.value.members)
        assertEquals(
            listOf(MemberLine(members[0], null), MemberLine(members[1], null), MemberLine(intruder, Unvouched.NOT_INVITED_BY_MEMBER)),
            presenter.state.value.memberLines,
            "who left is not listed; the intruder is flagged with the reason",
        )
        // Senders, the taker, who asks: by the core's name, even after leaving; the id otherwise.
        val state = presenter.state.value
        assertEquals("Dr Claire Morel", state.nameOf(DERM))
        assertEquals("Dr Léa Petit", state.nameOf(OTHER_DERM))
        assertEquals("@nobody:cpts.test", state.nameOf(UserId("@nobody:cpts.test")))
    }

    @Test
    fun `a failed read of the members keeps the last names, shows no error, and is tried again`() = runTest {
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        members = listOf(member(GP, "Dr Paul Martin"))
        val presenter = open(GP, headerCard())
        val known = presenter.state.value.members

        cases.membersResult = { memberReads++; Outcome.Failure(CaseError.HomeserverUnreachable) }
        conversations.itemsOf(room).value = listOf(headerCard(), joined(DERM))
        runCurrent()
        assertEquals(known, presenter.state.value.members)
        assertNull(presenter.state.value.error)

        cases.membersResult = { memberReads++; Outcome.Success(known + member(DERM, "Dr Claire Morel")) }
        conversations.itemsOf(room).value = listOf(headerCard(), joined(DERM), text(DERM, "Bonjour"))
        runCurrent()
        assertEquals(3, memberReads)
        assertEquals(listOf("Dr Paul Martin", "Dr Claire Morel"), presenter.state.value.members.map { it.displayName })
    }

    @Test
    fun `each member and each message keep the core's trust level, shown beside what a sender wrote`() = runTest {
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        members = listOf(
            member(GP, "Dr Paul Martin", trust = TrustLevel.VERIFIED),
            member(DERM, "Dr Claire Morel", trust = TrustLevel.CHANGED),
            member(attested, "Dr Hugo Roux", trust = TrustLevel.ATTESTED),
            member(OTHER_DERM, "Dr Léa Petit", trust = TrustLevel.UNVERIFIED),
            member(stranger, "@intrus:elsewhere.test", trust = TrustLevel.NONE),
        )
        val presenter = open(
            GP,
            headerCard(),
            message(DERM, MessageKind.Text("Bonjour"), trust = TrustLevel.CHANGED),
            message(attested, MessageKind.Text("Je regarde la photo"), trust = TrustLevel.ATTESTED),
            message(OTHER_DERM, MessageKind.Rejected(RejectedEvent.ADVICE, Rejection.NOT_FROM_TAKER)),
            message(stranger, MessageKind.Untrusted, trust = TrustLevel.NONE),
            joined(OTHER_DERM),
            message(DERM, MessageKind.UnableToDecrypt(UtdReason.WAITING), trust = TrustLevel.NONE),
            message(DERM, MessageKind.Redacted, trust = TrustLevel.NONE),
        )
        assertEquals(
            listOf(TrustLevel.VERIFIED, TrustLevel.CHANGED, TrustLevel.ATTESTED, TrustLevel.UNVERIFIED, TrustLevel.NONE),
            presenter.state.value.memberLines.map { it.member.trust },
        )
        assertEquals(
            listOf(TrustLevel.VERIFIED, TrustLevel.CHANGED, TrustLevel.ATTESTED, TrustLevel.UNVERIFIED, TrustLevel.NONE, null, null, null),
            presenter.state.value.items.map { (it as ConversationItem.Message).message.shield },
            "no shield on a membership line, a message not decrypted yet, or a deleted one: their level says nothing of the sender",
        )
    }

    @Test
    fun `a colleague not verified yet is offered the emojis from the members sheet, by name`() = runTest {
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        members = listOf(
            member(GP, "Dr Paul Martin", trust = TrustLevel.VERIFIED),
            member(DERM, "Dr Claire Morel", trust = TrustLevel.ATTESTED),
            member(OTHER_DERM, "Dr Léa Petit", trust = TrustLevel.VERIFIED),
        )
        val presenter = open(GP, headerCard())
        assertEquals(listOf(false, true, false), presenter.state.value.memberLines.map { it.canVerify }, "attested is not verified by this doctor")
        presenter.onEvent(CaseEvent.OpenMembers)
        presenter.onEvent(CaseEvent.VerifyMember(DERM))
        with(presenter.state.value) {
            assertEquals(MemberToVerify(DERM, "Dr Claire Morel"), verifying)
            assertFalse(membersShown)
        }
        presenter.onEvent(CaseEvent.VerificationOpened)
        assertNull(presenter.state.value.verifying)
    }

    @Test
    fun `the members sheet opens and closes`() = runTest {
        cases.unvouchedResult = { Outcome.Success(emptyList()) }
        val presenter = open(GP, headerCard())
        assertFalse(presenter.state.value.membersShown)
        presenter.onEvent(CaseEvent.OpenMembers)
        assertTrue(presenter.state.value.membersShown)
        presenter.onEvent(CaseEvent.CloseMembers)
        assertFalse(presenter.state.value.membersShown)
    }
}
