import Foundation

/// Where a case stands.
public enum CaseStatus: String, CaseIterable, Sendable {
    case open, requested, accepted, answered, closed
}

/// How soon the requesting doctor needs an answer.
public enum Urgency: String, CaseIterable, Sendable {
    case routine, soon, urgent
}

/// Age in bands, never a birth date.
public enum AgeBand: String, CaseIterable, Sendable {
    case infant, child, adolescent, youngAdult, adult, senior, elderly
}

public enum Sex: String, CaseIterable, Sendable {
    case female, male, other, unknown
}

public enum Membership: Sendable {
    case joined, invited, left
}

/// Where a request stands against its deadline, as the core says.
public enum DeadlineState: Hashable, Sendable {
    case onTime, dueSoon, overdue, done
}

/// A request's deadline: its due time and where it stands, as the core says.
public struct Deadline: Equatable, Sendable {
    public let state: DeadlineState
    public let due: Date

    public init(state: DeadlineState, due: Date) {
        self.state = state
        self.due = due
    }
}

/// The clinical heart of a case; only ever sent encrypted.
public struct CaseHeader: Equatable, Sendable {
    public var patientLabel: String
    public var ageBand: AgeBand
    public var sex: Sex
    public var reason: String
    public var question: String
    public var photoConsent: Bool

    public init(patientLabel: String, ageBand: AgeBand, sex: Sex, reason: String,
                question: String, photoConsent: Bool) {
        self.patientLabel = patientLabel
        self.ageBand = ageBand
        self.sex = sex
        self.reason = reason
        self.question = question
        self.photoConsent = photoConsent
    }
}

/// A case between colleagues, without a CPTS: the doctor who opens it invites colleagues they
/// know. `specialty` (a code) and `urgency` are readable by the homeserver; the header is sent
/// encrypted.
public struct NewCase: Equatable, Sendable {
    public var header: CaseHeader
    public var specialty: String?
    public var urgency: Urgency

    public init(header: CaseHeader, specialty: String?, urgency: Urgency) {
        self.header = header
        self.specialty = specialty
        self.urgency = urgency
    }
}

/// One row of the case list.
public struct CaseSummary: Identifiable, Equatable, Sendable {
    public let id: CaseID
    /// The opaque code (`IM-7K2QX9`).
    public let code: String
    public let membership: Membership
    /// `nil` while only invited.
    public let status: CaseStatus?
    /// Specialty code (`dermatology`); labels come from the specialty list.
    public let specialty: String?
    public let urgency: Urgency
    public let due: Date?
    /// A request's deadline as the core saw it when the row was made; `nil` between colleagues.
    public let deadline: Deadline?
    public let cptsID: CptsID?
    /// Decrypted on this device; shown in the app, never in a notification or a log.
    public let lastMessage: String?
    public let lastActivity: Date?
    public let unread: Int
    /// The doctor muted this case: no phone of theirs rings for it (on every device of theirs).
    /// It stays in the list with its unread count and deadline.
    public let muted: Bool
    public let inviter: UserID?
    /// The inviter's name as the core gives it: from a CPTS directory this doctor belongs to,
    /// else their user id; `nil` when there is no inviter (or the core gave
    /// none).
    public let inviterName: String?
    /// For a request this specialist was routed to: what the GP asks, to decide on taking it.
    public let brief: RequestBrief?
    /// Put away in the archive (and nothing newer arrived since), as the core says.
    public let archived: Bool
    /// Opened by this doctor, as the core says.
    public let askedByMe: Bool
    /// Something is expected of this doctor, as the core decides it (an invitation or a routed
    /// request to answer, advice to give, an answered request of theirs to close, unread messages
    /// in an open case); never worked out here.
    public let waitingForMe: Bool

    public init(id: CaseID, code: String, membership: Membership, status: CaseStatus?,
                specialty: String?, urgency: Urgency, due: Date?, deadline: Deadline? = nil,
                cptsID: CptsID?, lastMessage: String?, lastActivity: Date?, unread: Int,
                muted: Bool = false, inviter: UserID?, inviterName: String? = nil,
                brief: RequestBrief? = nil, archived: Bool, askedByMe: Bool, waitingForMe: Bool) {
        self.id = id
        self.code = code
        self.membership = membership
        self.status = status
        self.specialty = specialty
        self.urgency = urgency
        self.due = due
        self.deadline = deadline
        self.cptsID = cptsID
        self.lastMessage = lastMessage
        self.lastActivity = lastActivity
        self.unread = unread
        self.muted = muted
        self.inviter = inviter
        self.inviterName = inviterName
        self.brief = brief
        self.archived = archived
        self.askedByMe = askedByMe
        self.waitingForMe = waitingForMe
    }

    public var isInvitation: Bool { membership == .invited }
}

/// What a specialist a request is routed to reads before taking it: no patient label, the whole
/// case (header, photos, messages) goes only to the one who takes it, once it is handed over.
public struct RequestBrief: Equatable, Sendable {
    /// The GP who asked.
    public let requester: UserID
    /// Specialty code (`dermatology`).
    public let specialty: String
    public let urgency: Urgency
    public let due: Date?
    public let ageBand: AgeBand
    public let sex: Sex
    public let question: String

    public init(requester: UserID, specialty: String, urgency: Urgency, due: Date?,
                ageBand: AgeBand, sex: Sex, question: String) {
        self.requester = requester
        self.specialty = specialty
        self.urgency = urgency
        self.due = due
        self.ageBand = ageBand
        self.sex = sex
        self.question = question
    }
}

/// Status, specialty, urgency and due date of one case.
public struct CaseStatusInfo: Equatable, Sendable {
    public let status: CaseStatus
    public let specialty: String?
    public let urgency: Urgency
    public let due: Date?
    public let cptsID: CptsID?
    /// The specialist who took a télé-expertise request.
    public let acceptedBy: UserID?

    public init(status: CaseStatus, specialty: String?, urgency: Urgency, due: Date?,
                cptsID: CptsID?, acceptedBy: UserID?) {
        self.status = status
        self.specialty = specialty
        self.urgency = urgency
        self.due = due
        self.cptsID = cptsID
        self.acceptedBy = acceptedBy
    }

    public var isRequest: Bool { cptsID != nil }
}

/// Why nobody can vouch for a member of a case.
public enum Unvouched: String, Sendable {
    /// Joined without an invitation from a member of the case.
    case notInvitedByMember
    /// Has no cross-signing identity: their devices cannot be told apart from an impostor's.
    case noCrossSigning
    /// Neither verified by this doctor nor attested by their CPTS: nothing is sent into the case
    /// until the doctor confirms them.
    case notConfirmed
}

/// A member of a case nobody can vouch for: the case screen warns about them.
public struct UnvouchedMember: Equatable, Sendable {
    public let user: UserID
    public let reason: Unvouched

    public init(user: UserID, reason: Unvouched) {
        self.user = user
        self.reason = reason
    }
}

/// Someone in a case, invited to it, or who left it, with the name to show.
public struct CaseMember: Equatable, Sendable {
    public let user: UserID
    public let membership: Membership
    /// From the CPTS directory, else the profile, else the user id.
    public let displayName: String
    /// Specialty codes from the directory (`dermatology`); labels come from the specialty list.
    public let specialties: [String]
    /// Listed in a CPTS directory this doctor belongs to.
    public let inDirectory: Bool
    /// This doctor's trust in their identity, as the core read it with the members (the shield
    /// beside the name).
    public let trust: TrustLevel

    public init(user: UserID, membership: Membership, displayName: String, specialties: [String] = [],
                inDirectory: Bool = false, trust: TrustLevel) {
        self.user = user
        self.membership = membership
        self.displayName = displayName
        self.specialties = specialties
        self.inDirectory = inDirectory
        self.trust = trust
    }
}
