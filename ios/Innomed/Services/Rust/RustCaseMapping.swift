import Foundation
import InnomedFFI

// The models of this module carry the core's names, so a generated type of the same name is
// always written with its module (`InnomedFFI.CaseStatus`); an unqualified name is this module's
// (InnomedServices), which shadows the imported one.

extension CaseStatus {
    init(rustValue: InnomedFFI.CaseStatus) {
        switch rustValue {
        case .open: self = .open
        case .requested: self = .requested
        case .accepted: self = .accepted
        case .answered: self = .answered
        case .closed: self = .closed
        }
    }

    var rustValue: InnomedFFI.CaseStatus {
        switch self {
        case .open: return .open
        case .requested: return .requested
        case .accepted: return .accepted
        case .answered: return .answered
        case .closed: return .closed
        }
    }
}

extension Urgency {
    init(rustValue: InnomedFFI.Urgency) {
        switch rustValue {
        case .routine: self = .routine
        case .soon: self = .soon
        case .urgent: self = .urgent
        }
    }

    var rustValue: InnomedFFI.Urgency {
        switch self {
        case .routine: return .routine
        case .soon: return .soon
        case .urgent: return .urgent
        }
    }
}

extension AgeBand {
    init(rustValue: InnomedFFI.AgeBand) {
        switch rustValue {
        case .infant: self = .infant
        case .child: self = .child
        case .adolescent: self = .adolescent
        case .youngAdult: self = .youngAdult
        case .adult: self = .adult
        case .senior: self = .senior
        case .elderly: self = .elderly
        }
    }

    var rustValue: InnomedFFI.AgeBand {
        switch self {
        case .infant: return .infant
        case .child: return .child
        case .adolescent: return .adolescent
        case .youngAdult: return .youngAdult
        case .adult: return .adult
        case .senior: return .senior
        case .elderly: return .elderly
        }
    }
}

extension Sex {
    init(rustValue: InnomedFFI.Sex) {
        switch rustValue {
        case .female: self = .female
        case .male: self = .male
        case .other: self = .other
        case .unknown: self = .unknown
        }
    }

    var rustValue: InnomedFFI.Sex {
        switch self {
        case .female: return .female
        case .male: return .male
        case .other: return .other
        case .unknown: return .unknown
        }
    }
}

extension Membership {
    init(rustValue: InnomedFFI.Membership) {
        switch rustValue {
        case .joined: self = .joined
        case .invited: self = .invited
        case .left: self = .left
        }
    }
}

extension CaseHeader {
    init(rustValue h: InnomedFFI.CaseHeader) {
        self.init(patientLabel: h.patientLabel, ageBand: AgeBand(rustValue: h.ageBand),
                  sex: Sex(rustValue: h.sex), reason: h.reason, question: h.question,
                  photoConsent: h.photoConsent)
    }

    var rustValue: InnomedFFI.CaseHeader {
        InnomedFFI.CaseHeader(patientLabel: patientLabel, ageBand: ageBand.rustValue, sex: sex.rustValue,
                              reason: reason, question: question, photoConsent: photoConsent)
    }
}

extension NewCase {
    /// No due date between colleagues: the core sets a request's, and only a request's.
    var rustValue: InnomedFFI.NewCase {
        InnomedFFI.NewCase(header: header.rustValue, specialty: specialty, urgency: urgency.rustValue, dueMs: nil)
    }
}

extension CaseSummary {
    init(rustValue s: InnomedFFI.CaseSummary) {
        self.init(id: CaseID(s.roomId), code: s.code, membership: Membership(rustValue: s.membership),
                  status: s.status.map(CaseStatus.init(rustValue:)), specialty: s.specialty,
                  urgency: Urgency(rustValue: s.urgency), due: s.dueMs.map(Date.init(milliseconds:)),
                  deadline: s.deadline.map(Deadline.init(rustValue:)),
                  cptsID: s.cpts.map(CptsID.init), lastMessage: s.lastMessage?.body,
                  lastActivity: s.lastMessage.map { Date(milliseconds: $0.timestampMs) },
                  unread: Int(clamping: s.unread), muted: s.muted, inviter: s.inviter.map(UserID.init),
                  inviterName: s.inviterName, brief: s.brief.map(RequestBrief.init(rustValue:)),
                  archived: s.archived, askedByMe: s.askedByMe, waitingForMe: s.waitingForMe)
    }
}

extension CaseFilter {
    var rustValue: InnomedFFI.CaseFilter {
        InnomedFFI.CaseFilter(statuses: statuses.map(\.rustValue), specialty: specialty,
                              urgency: urgency?.rustValue, overdue: overdue, waitingForMe: waitingForMe,
                              askedByMe: askedByMe, muted: muted, archived: archived)
    }
}

extension RequestBrief {
    /// No patient label: none is sent to the specialists a request is routed to.
    init(rustValue b: InnomedFFI.RequestBrief) {
        self.init(requester: UserID(b.requester), specialty: b.specialty,
                  urgency: Urgency(rustValue: b.urgency), due: b.dueMs.map(Date.init(milliseconds:)),
                  ageBand: AgeBand(rustValue: b.ageBand), sex: Sex(rustValue: b.sex),
                  question: b.question)
    }
}

extension CaseStatusInfo {
    init(rustValue s: InnomedFFI.CaseStatusInfo) {
        self.init(status: CaseStatus(rustValue: s.status), specialty: s.specialty,
                  urgency: Urgency(rustValue: s.urgency), due: s.dueMs.map(Date.init(milliseconds:)),
                  cptsID: s.cpts.map(CptsID.init), acceptedBy: s.acceptedBy.map(UserID.init))
    }
}

// The core's decision on a case.

extension CaseActions {
    init(rustValue a: InnomedFFI.CaseActions) {
        self.init(role: CaseRole(rustValue: a.role), actions: a.actions.map(CaseAction.init(rustValue:)),
                  handover: a.handover.map(HandoverWait.init(rustValue:)),
                  deadline: a.deadline.map(Deadline.init(rustValue:)))
    }
}

extension CaseRole {
    init(rustValue: InnomedFFI.CaseRole) {
        switch rustValue {
        case .invited: self = .invited
        case .requester: self = .requester
        case .taker: self = .taker
        case .member: self = .member
        case .outside: self = .outside
        }
    }
}

extension CaseAction {
    init(rustValue: InnomedFFI.CaseAction) {
        switch rustValue {
        case .accept: self = .accept
        case .take: self = .take
        case .decline: self = .decline
        case .write: self = .write
        case .advise: self = .advise
        case .markAnswered: self = .markAnswered
        case .close: self = .close
        case .closeWithReport: self = .closeWithReport
        case .invite: self = .invite
        case .remove: self = .remove
        case .confirmMember: self = .confirmMember
        }
    }
}

extension HandoverWait {
    init(rustValue: InnomedFFI.HandoverWait) {
        switch rustValue {
        case .notTaken: self = .notTaken
        case .handingOver: self = .handingOver
        case .awaitingRequester: self = .awaitingRequester
        case .confirmTaker: self = .confirmTaker
        }
    }
}

extension Deadline {
    init(rustValue d: InnomedFFI.Deadline) {
        self.init(state: DeadlineState(rustValue: d.state), due: Date(milliseconds: d.dueMs))
    }
}

extension UnvouchedMember {
    init(rustValue m: InnomedFFI.UnvouchedMember) {
        let reason: Unvouched
        switch m.reason {
        case .notInvitedByMember: reason = .notInvitedByMember
        case .noCrossSigning: reason = .noCrossSigning
        case .notConfirmed: reason = .notConfirmed
        }
        self.init(user: UserID(m.userId), reason: reason)
    }
}

extension CaseMember {
    init(rustValue m: InnomedFFI.CaseMember) {
        self.init(user: UserID(m.userId), membership: Membership(rustValue: m.membership),
                  displayName: m.displayName, specialties: m.specialties, inDirectory: m.inDirectory,
                  trust: TrustLevel(rustValue: m.trust))
    }
}

extension ListOp where Element == InnomedFFI.CaseSummary {
    init(rustValue diff: CaseListDiff) {
        switch diff {
        case .append(let values): self = .append(values)
        case .clear: self = .clear
        case .pushFront(let value): self = .pushFront(value)
        case .pushBack(let value): self = .pushBack(value)
        case .popFront: self = .popFront
        case .popBack: self = .popBack
        case .insert(let index, let value): self = .insert(Int(index), value)
        case .set(let index, let value): self = .set(Int(index), value)
        case .remove(let index): self = .remove(Int(index))
        case .truncate(let length): self = .truncate(Int(length))
        case .reset(let values): self = .reset(values)
        }
    }
}
