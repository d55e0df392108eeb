import Foundation

// Requests never wait unseen: when nobody takes a request within its CPTS's routing window, the
// homeserver invites the next specialists on duty in the GP's name and alerts the coordinator.
// The core plans, sends and cancels that step; the app shows what it says.

/// How long a request of each urgency waits for a taker before it goes further (the core's
/// `RoutingWindows`, in seconds here). Set by the coordinator; 30 minutes, 4 hours and 24 hours
/// until they change it. Whether a window is valid is the core's to say.
public struct RoutingWindows: Hashable, Sendable {
    public var urgent: TimeInterval
    public var soon: TimeInterval
    public var routine: TimeInterval

    public init(urgent: TimeInterval, soon: TimeInterval, routine: TimeInterval) {
        self.urgent = urgent
        self.soon = soon
        self.routine = routine
    }

    /// The window of one urgency.
    public subscript(urgency: Urgency) -> TimeInterval {
        get {
            switch urgency {
            case .urgent: return urgent
            case .soon: return soon
            case .routine: return routine
            }
        }
        set {
            switch urgency {
            case .urgent: urgent = newValue
            case .soon: soon = newValue
            case .routine: routine = newValue
            }
        }
    }
}

/// Where the next step of a request's routing stands.
public enum NextStepState: Hashable, Sendable {
    /// Goes out at its time unless the request is taken first.
    case planned
    /// Gone out: the specialists were invited and the coordinator alerted.
    case sent
    /// The request was taken (or withdrawn) before it went out.
    case cancelled
}

/// The next step of a request's routing, as the GP's device planned it.
public struct NextStep: Hashable, Sendable {
    /// When it goes out (or went out).
    public let at: Date
    /// The specialists it invites; empty: only the coordinator is alerted.
    public let specialists: [UserID]
    public let state: NextStepState

    public init(at: Date, specialists: [UserID], state: NextStepState) {
        self.at = at
        self.specialists = specialists
        self.state = state
    }
}

/// A request of the CPTS nobody took within its window: the alert the homeserver posted for the
/// coordinator in the GP's name.
public struct UnansweredRequest: Hashable, Sendable {
    public let caseID: CaseID
    /// The case code (`IM-7K2QX9`).
    public let code: String
    /// Specialty code (`dermatology`); labels come from the specialty list.
    public let specialty: String
    public let urgency: Urgency
    /// The GP who asked.
    public let requester: UserID
    /// Whom the request went to next; empty: nobody else was on duty, only the coordinator knows.
    public let next: [UserID]
    /// When the alert was posted.
    public let at: Date

    public init(caseID: CaseID, code: String, specialty: String, urgency: Urgency, requester: UserID,
                next: [UserID], at: Date) {
        self.caseID = caseID
        self.code = code
        self.specialty = specialty
        self.urgency = urgency
        self.requester = requester
        self.next = next
        self.at = at
    }
}
