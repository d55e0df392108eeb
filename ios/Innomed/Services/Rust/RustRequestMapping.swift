import Foundation
import InnomedFFI

extension VisitNeed {
    init(rustValue: InPerson) {
        switch rustValue {
        case .notNeeded: self = .notNeeded
        case .routine: self = .routine
        case .within48h: self = .within48h
        case .urgent: self = .urgent
        }
    }

    var rustValue: InPerson {
        switch self {
        case .notNeeded: return .notNeeded
        case .routine: return .routine
        case .within48h: return .within48h
        case .urgent: return .urgent
        }
    }
}

extension AdviceCard {
    init(rustValue a: Advice) {
        self.init(assessment: a.assessment, recommendation: a.recommendation,
                  visit: VisitNeed(rustValue: a.inPerson))
    }

    var rustValue: Advice {
        Advice(assessment: assessment, recommendation: recommendation, inPerson: visit.rustValue)
    }
}

extension ReceivedAdvice {
    init(rustValue g: GivenAdvice) {
        self.init(advice: AdviceCard(rustValue: g.advice), sender: UserID(g.sender),
                  date: Date(milliseconds: g.timestampMs))
    }
}

extension DeadlineStatus {
    init(rustValue: DeadlineState) {
        switch rustValue {
        case .onTime: self = .onTime
        case .dueSoon: self = .dueSoon
        case .overdue: self = .overdue
        case .done: self = .done
        }
    }
}

extension RequestListFilter {
    var rustValue: RequestFilter {
        switch self {
        case .open: return .open
        case .overdue: return .overdue
        case .answered: return .answered
        }
    }
}

extension RequestRow {
    init(rustValue r: RequestSummary) {
        self.init(row: CaseRow(rustValue: r.`case`), deadline: DeadlineStatus(rustValue: r.deadline))
    }
}

extension DeadlineReminder {
    init(rustValue a: DeadlineAlert) {
        self.init(caseID: CaseID(a.roomId), code: a.code, deadline: DeadlineStatus(rustValue: a.state),
                  due: Date(milliseconds: a.dueMs))
    }
}

extension ProfessionKind {
    init(rustValue: Profession) {
        switch rustValue {
        case .physician: self = .physician
        case .nurse: self = .nurse
        case .pharmacist: self = .pharmacist
        case .physiotherapist: self = .physiotherapist
        case .midwife: self = .midwife
        case .dentist: self = .dentist
        }
    }
}

extension DirectoryMember {
    init(rustValue m: MemberEntry) {
        self.init(userID: UserID(m.userId), displayName: m.displayName,
                  profession: ProfessionKind(rustValue: m.profession), specialties: m.specialties,
                  rpps: m.rpps, retired: m.retired)
    }
}

extension SpecialtyOption {
    init(rustValue s: Specialty) {
        self.init(code: s.code, labelFr: s.labelFr, labelEn: s.labelEn)
    }
}

extension CptsInfo {
    init(rustValue c: Cpts) {
        self.init(id: CptsID(c.spaceId()), name: c.name(), isJoined: c.isJoined())
    }
}
