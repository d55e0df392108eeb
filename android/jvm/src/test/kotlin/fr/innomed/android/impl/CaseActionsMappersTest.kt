package fr.innomed.android.impl

import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.Deadline
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.cases.HandoverWait
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import fr.innomed.core.CaseAction as SdkCaseAction
import fr.innomed.core.CaseActions as SdkCaseActions
import fr.innomed.core.CaseRole as SdkCaseRole
import fr.innomed.core.CaseSummary as SdkCaseSummary
import fr.innomed.core.Deadline as SdkDeadline
import fr.innomed.core.DeadlineState as SdkDeadlineState
import fr.innomed.core.HandoverWait as SdkHandoverWait
import fr.innomed.core.Membership as SdkMembership
import fr.innomed.core.Urgency as SdkUrgency

/** The core's decision on a case and its deadlines, as the API carries them (no Rust call: plain generated values). */
class CaseActionsMappersTest {
    @Test
    fun `every role, action, hand-over wait and deadline state of the core has its API value`() {
        assertEquals(SdkCaseRole.entries.map { it.name }, CaseRole.entries.map { it.name })
        assertEquals(SdkCaseAction.entries.map { it.name }, CaseAction.entries.map { it.name })
        assertEquals(SdkHandoverWait.entries.map { it.name }, HandoverWait.entries.map { it.name })
        assertEquals(SdkDeadlineState.entries.map { it.name }, DeadlineState.entries.map { it.name })
    }

    @Test
    fun `the core's decision is carried as it is, in its order`() {
        val decided = SdkCaseActions(
            role = SdkCaseRole.TAKER,
            actions = listOf(SdkCaseAction.WRITE, SdkCaseAction.ADVISE),
            handover = null,
            deadline = SdkDeadline(SdkDeadlineState.DUE_SOON, 1_700_086_400_000uL),
        )
        val mapped = decided.toApi()
        assertEquals(
            CaseActions(CaseRole.TAKER, setOf(CaseAction.WRITE, CaseAction.ADVISE), null, Deadline(DeadlineState.DUE_SOON, 1_700_086_400_000)),
            mapped,
        )
        assertEquals(listOf(CaseAction.WRITE, CaseAction.ADVISE), mapped.actions.toList())
        val waiting = SdkCaseActions(SdkCaseRole.REQUESTER, emptyList(), SdkHandoverWait.HANDING_OVER, null).toApi()
        assertEquals(CaseActions(CaseRole.REQUESTER, emptySet(), HandoverWait.HANDING_OVER, null), waiting)
        val confirm = SdkCaseActions(SdkCaseRole.REQUESTER, listOf(SdkCaseAction.CONFIRM_MEMBER), SdkHandoverWait.CONFIRM_TAKER, null).toApi()
        assertEquals(CaseActions(CaseRole.REQUESTER, setOf(CaseAction.CONFIRM_MEMBER), HandoverWait.CONFIRM_TAKER, null), confirm)
    }

    @Test
    fun `a row carries the core's deadline, due soon included, and none between colleagues`() {
        val summary = SdkCaseSummary(
            roomId = "!req:cpts.test",
            code = "IM-7K2QX9",
            membership = SdkMembership.JOINED,
            status = null,
            specialty = "dermatology",
            urgency = SdkUrgency.URGENT,
            dueMs = 1_700_086_400_000uL,
            deadline = SdkDeadline(SdkDeadlineState.DUE_SOON, 1_700_086_400_000uL),
            cpts = "!cpts:cpts.test",
            lastMessage = null,
            unread = 0uL,
            muted = true,
            inviter = null,
            inviterName = null,
            archived = false,
            askedByMe = false,
            waitingForMe = false,
            brief = null,
        )
        assertEquals(Deadline(DeadlineState.DUE_SOON, 1_700_086_400_000), summary.toApi().deadline)
        assertEquals(1_700_086_400_000, summary.toApi().dueAtMillis)
        assertTrue(summary.toApi().muted)
        assertFalse(summary.copy(muted = false).toApi().muted)
        assertNull(summary.copy(deadline = null, cpts = null).toApi().deadline)
    }
}
