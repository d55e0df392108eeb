package fr.innomed.android.api.cases

/** Who the signed-in doctor is in a case, as the core says. */
enum class CaseRole {
    /** Invited, not joined yet. */
    INVITED,

    /** Opened the case (the requesting GP of a request). */
    REQUESTER,

    /** Took the request: the specialist who advises. */
    TAKER,

    /** Any other member. */
    MEMBER,

    /** Left, or not a member. */
    OUTSIDE,
}

/** Something the doctor may do with a case now, as the core decides it. */
enum class CaseAction {
    /** Join a case a colleague invited them to. */
    ACCEPT,

    /** Take a request routed to them (the first one wins). */
    TAKE,

    /** Refuse an invitation or a routed request. */
    DECLINE,

    /** Write: messages, replies, photos (the composer shows). */
    WRITE,

    /** Give (or give again) the advice of a request they took. */
    ADVISE,

    /** Mark a case between colleagues answered. */
    MARK_ANSWERED,

    /** Close a case between colleagues. */
    CLOSE,

    /** Close an answered request with its report. */
    CLOSE_WITH_REPORT,

    /** Invite a colleague. */
    INVITE,

    /** Remove a colleague. */
    REMOVE,

    /**
     * Confirm a member this doctor has not verified and their CPTS has not attested (the
     * unvouched members say who): nothing is sent into the case until they are confirmed or removed.
     */
    CONFIRM_MEMBER,
}

/** Why nobody writes into a request yet (the screen says so); it ends once the case is handed over. */
enum class HandoverWait {
    /** Nobody took the request yet. */
    NOT_TAKEN,

    /** Taken: this doctor, who asked, hands the case over from their device (it happens by itself). */
    HANDING_OVER,

    /** Taken: the requesting doctor's device has yet to hand the case over (it may be offline). */
    AWAITING_REQUESTER,

    /**
     * Taken by a specialist this doctor, who asked, has not verified and the CPTS has not
     * attested: the case is handed over once the doctor confirms them (or removes them).
     */
    CONFIRM_TAKER,
}

/** Where a request stands against its deadline, as the core says. */
enum class DeadlineState {
    ON_TIME,

    /** Not late yet, but in the last stretch of its urgency's window. */
    DUE_SOON,

    /** Past its due time and not answered. */
    OVERDUE,

    /** Answered or closed: the deadline no longer matters. */
    DONE,
}

/** A request's deadline: its due time and where it stands. */
data class Deadline(val state: DeadlineState, val dueAtMillis: Long)

/**
 * What the core decided for the signed-in doctor on one case: their role, the actions open to
 * them, why a request waits (if it does) and its deadline (none between colleagues). The
 * screens show these and decide nothing themselves; the core checks the same rules again when
 * an action runs.
 */
data class CaseActions(
    val role: CaseRole,
    val actions: Set<CaseAction>,
    val handover: HandoverWait? = null,
    val deadline: Deadline? = null,
) {
    fun allows(action: CaseAction): Boolean = action in actions
}
