import Foundation

/// Who the signed-in doctor is in a case, as the core says.
public enum CaseRole: Hashable, Sendable {
    /// Invited, not joined yet.
    case invited
    /// Opened the case (the requesting GP of a request).
    case requester
    /// Took the request: the specialist who advises.
    case taker
    /// Any other member.
    case member
    /// Left, or not a member.
    case outside
}

/// Something the doctor may do with a case now, as the core decides it.
public enum CaseAction: Hashable, Sendable {
    /// Join a case a colleague invited them to.
    case accept
    /// Take a request routed to them (the first one wins).
    case take
    /// Refuse an invitation or a routed request.
    case decline
    /// Write: messages, replies, photos (the composer is enabled).
    case write
    /// Give (or give again) the advice of a request they took.
    case advise
    /// Mark a case between colleagues answered.
    case markAnswered
    /// Close a case between colleagues.
    case close
    /// Close an answered request with its report.
    case closeWithReport
    /// Invite a colleague.
    case invite
    /// Remove a colleague.
    case remove
    /// Confirm a member neither verified by the doctor nor attested by their CPTS.
    case confirmMember
}

/// Why nobody writes into a request yet (the screen says so); it ends once it is handed over.
public enum HandoverWait: Hashable, Sendable {
    /// Nobody took the request yet.
    case notTaken
    /// Taken: this doctor, who asked, hands the case over from this device (by itself).
    case handingOver
    /// Taken: the requesting doctor's device has yet to hand the case over (it may be offline).
    case awaitingRequester
    /// Taken by a specialist this doctor, who asked, has not verified and their CPTS has not
    /// attested: the case is handed over once the doctor confirms them.
    case confirmTaker
}

/// What the core decided for the signed-in doctor on one case: their role, the actions open to
/// them (in the core's order), why a request waits (if it does) and its deadline (none between
/// colleagues). The screens show these and decide nothing themselves; the core checks the same
/// rules again when an action runs.
public struct CaseActions: Equatable, Sendable {
    public let role: CaseRole
    public let actions: [CaseAction]
    public let handover: HandoverWait?
    public let deadline: Deadline?

    public init(role: CaseRole, actions: [CaseAction], handover: HandoverWait? = nil, deadline: Deadline? = nil) {
        self.role = role
        self.actions = actions
        self.handover = handover
        self.deadline = deadline
    }

    public func allows(_ action: CaseAction) -> Bool { actions.contains(action) }
}
