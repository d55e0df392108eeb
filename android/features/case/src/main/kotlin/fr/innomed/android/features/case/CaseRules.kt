package fr.innomed.android.features.case

import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.Membership

/**
 * Who the doctor is in this case and what they may do, from the case's status and the
 * header's sender (the requester: the core shows a header only from the doctor who opened
 * the case, any other as rejected). The core enforces the same rules; these only pick buttons.
 */
internal object CaseRules {
    fun role(me: UserId, details: CaseDetails?, requester: UserId?): CaseRole = when {
        details == null -> CaseRole.UNKNOWN
        details.membership == Membership.INVITED -> CaseRole.INVITED
        details.acceptedBy == me -> CaseRole.EXPERT
        requester == me -> CaseRole.REQUESTER
        requester != null -> CaseRole.MEMBER
        else -> CaseRole.UNKNOWN
    }

    /**
     * [invitedToRequest]: the case list says this invitation is a télé-expertise request.
     * [waiting]: nothing may be written into the request before its hand-over (taking it may).
     */
    fun actions(role: CaseRole, details: CaseDetails?, invitedToRequest: Boolean, waiting: Boolean = false): Set<CaseAction> {
        if (details == null) return emptySet()
        val actions = when (details.membership) {
            Membership.INVITED ->
                if (invitedToRequest) setOf(CaseAction.TAKE, CaseAction.DECLINE) else setOf(CaseAction.ACCEPT, CaseAction.DECLINE)
            Membership.LEFT -> emptySet()
            Membership.JOINED ->
                if (details.isRequest) requestActions(role, details.status) else colleagueActions(role, details.status)
        }
        return if (waiting) actions - setOf(CaseAction.ADVISE, CaseAction.CLOSE_WITH_REPORT) else actions
    }

    /**
     * A joined request that may still wait for its hand-over (nobody took it, or the requesting
     * doctor's device has not handed it over yet): the core is asked, never assumed.
     */
    fun mayAwaitHandover(details: CaseDetails?): Boolean =
        details?.membership == Membership.JOINED && details.isRequest &&
            (details.status == CaseStatus.REQUESTED || details.status == CaseStatus.ACCEPTED)

    /** Nothing may be written: a request that may wait and that the core did not say was handed over. */
    fun waiting(details: CaseDetails?, awaitingHandover: Boolean?): Boolean =
        mayAwaitHandover(details) && awaitingHandover != false

    /** What the screen says while the core says the request waits; null otherwise. */
    fun handoverWait(role: CaseRole, details: CaseDetails?, awaitingHandover: Boolean?): HandoverWait? = when {
        awaitingHandover != true || !mayAwaitHandover(details) -> null
        details?.acceptedBy == null -> HandoverWait.NOT_TAKEN
        role == CaseRole.REQUESTER -> HandoverWait.HANDING_OVER
        else -> HandoverWait.AWAITING_REQUESTER
    }

    private fun requestActions(role: CaseRole, status: CaseStatus?): Set<CaseAction> = when (status) {
        CaseStatus.REQUESTED -> if (role == CaseRole.MEMBER) setOf(CaseAction.TAKE) else emptySet()
        // A second advice replaces the first in the report.
        CaseStatus.ACCEPTED, CaseStatus.ANSWERED -> buildSet {
            if (role == CaseRole.EXPERT) add(CaseAction.ADVISE)
            if (role == CaseRole.REQUESTER && status == CaseStatus.ANSWERED) add(CaseAction.CLOSE_WITH_REPORT)
        }
        CaseStatus.OPEN, CaseStatus.CLOSED, null -> emptySet()
    }

    /**
     * A case between colleagues: only the doctor who opened it (who sent its header) marks it
     * answered or closes it; the core and the homeserver refuse anyone else.
     */
    private fun colleagueActions(role: CaseRole, status: CaseStatus?): Set<CaseAction> = when {
        role != CaseRole.REQUESTER -> emptySet()
        status == CaseStatus.OPEN -> setOf(CaseAction.MARK_ANSWERED, CaseAction.CLOSE)
        status == CaseStatus.ANSWERED || status == CaseStatus.ACCEPTED || status == CaseStatus.REQUESTED -> setOf(CaseAction.CLOSE)
        else -> emptySet()
    }

    fun composerEnabled(details: CaseDetails?): Boolean =
        details?.membership == Membership.JOINED && details.status != CaseStatus.CLOSED
}
