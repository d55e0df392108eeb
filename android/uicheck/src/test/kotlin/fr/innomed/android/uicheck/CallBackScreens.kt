package fr.innomed.android.uicheck

import androidx.compose.runtime.Composable
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.Deadline
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.requests.CallBack
import fr.innomed.android.features.case.CaseCallBackState
import fr.innomed.android.features.case.CaseState
import fr.innomed.android.features.case.CaseView
import fr.innomed.android.uicheck.ClinicalData.DERM
import fr.innomed.android.uicheck.ClinicalData.DUE
import fr.innomed.android.uicheck.ClinicalData.GP

/**
 * A request whose GP asked to be called back, as [ScreensTest] draws it: the GP's conversation
 * with his request to be called back and the dermatologist's call, and the dermatologist's case
 * screen offering to call him back.
 */
object CallBackScreens {
    /** Dr Martin's professional number, as the core gives it back: to dial, to read. */
    val number = CallBack(phone = "+33612345678", display = "06 12 34 56 78")

    /**
     * The request once handed over, as [me] sees it, from the call back the GP sent with the header
     * and photo (above, scrolled past): her joining and question, her call, his answer.
     */
    private fun conversation(me: UserId): List<ConversationItem> {
        val base = ClinicalData.conversation(me, withAdvice = false)
        val asked = ClinicalData.message(GP, MessageKind.CallBackAsked(number), me, 1)
        val called = ClinicalData.message(DERM, MessageKind.CallPlaced, me, 26)
        return base.take(1) + asked + base.subList(3, 5) + called + base.drop(5)
    }

    private fun state(me: UserId, role: CaseRole) = CaseState(
        roomId = ClinicalData.room,
        details = ClinicalData.details(CaseStatus.ACCEPTED),
        header = ClinicalData.lesionHeader,
        requester = GP,
        items = conversation(me),
        members = ClinicalData.members.take(2),
        allowed = CaseActions(role, setOf(CaseAction.WRITE), deadline = Deadline(DeadlineState.ON_TIME, DUE)),
    )

    val all: Array<Pair<String, @Composable () -> Unit>> = arrayOf(
        "case-call-back" to { CaseView(state(GP, CaseRole.REQUESTER), {}, ClinicalData.specialties, {}, {}) },
        "case-specialist-call-back" to {
            val taker = state(DERM, CaseRole.TAKER).copy(callBack = CaseCallBackState(number = number))
            CaseView(taker, {}, ClinicalData.specialties, {}, {})
        },
    )
}
