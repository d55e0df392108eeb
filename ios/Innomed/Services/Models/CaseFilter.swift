import Foundation

/// Which cases the list shows, as the core filters them (its `CaseFilter`): every condition set
/// must hold. The default is the main list, every case but the archived ones; `archived` is the
/// archive instead. Whether a case waits for the doctor, was asked by them or is overdue is the
/// core's to decide; the app only says which of these it wants.
public struct CaseFilter: Hashable, Sendable {
    /// Any of these statuses (none: any status; an invitation has none and matches only then).
    public var statuses: [CaseStatus]
    /// A specialty code (`dermatology`).
    public var specialty: String?
    public var urgency: Urgency?
    /// Past their deadline.
    public var overdue: Bool
    /// Something is expected of this doctor.
    public var waitingForMe: Bool
    /// Opened by this doctor.
    public var askedByMe: Bool
    /// Muted cases only (`true`), unmuted only (`false`), either (`nil`).
    public var muted: Bool?
    /// The archive instead of the main list.
    public var archived: Bool

    public init(statuses: [CaseStatus] = [], specialty: String? = nil, urgency: Urgency? = nil,
                overdue: Bool = false, waitingForMe: Bool = false, askedByMe: Bool = false,
                muted: Bool? = nil, archived: Bool = false) {
        self.statuses = statuses
        self.specialty = specialty
        self.urgency = urgency
        self.overdue = overdue
        self.waitingForMe = waitingForMe
        self.askedByMe = askedByMe
        self.muted = muted
        self.archived = archived
    }

    /// The main list: every case but the archived ones.
    public static let main = CaseFilter()
    /// The archive.
    public static let archive = CaseFilter(archived: true)
}
