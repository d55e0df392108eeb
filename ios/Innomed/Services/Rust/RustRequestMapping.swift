import Foundation
import InnomedFFI

// The models of this module carry the core's names, so a generated type of the same name is
// always written with its module (`InnomedFFI.CaseStatus`); an unqualified name is this module's
// (InnomedServices), which shadows the imported one.

extension InPerson {
    init(rustValue: InnomedFFI.InPerson) {
        switch rustValue {
        case .notNeeded: self = .notNeeded
        case .routine: self = .routine
        case .within48h: self = .within48h
        case .urgent: self = .urgent
        }
    }

    var rustValue: InnomedFFI.InPerson {
        switch self {
        case .notNeeded: return .notNeeded
        case .routine: return .routine
        case .within48h: return .within48h
        case .urgent: return .urgent
        }
    }
}

extension Advice {
    init(rustValue a: InnomedFFI.Advice) {
        self.init(assessment: a.assessment, recommendation: a.recommendation,
                  inPerson: InPerson(rustValue: a.inPerson))
    }

    var rustValue: InnomedFFI.Advice {
        InnomedFFI.Advice(assessment: assessment, recommendation: recommendation, inPerson: inPerson.rustValue)
    }
}

extension GivenAdvice {
    init(rustValue g: InnomedFFI.GivenAdvice) {
        self.init(advice: Advice(rustValue: g.advice), sender: UserID(g.sender),
                  date: Date(milliseconds: g.timestampMs))
    }
}

extension CallBack {
    init(rustValue c: InnomedFFI.CallBack) {
        self.init(phone: c.phone, display: c.display)
    }
}

extension DeadlineState {
    init(rustValue: InnomedFFI.DeadlineState) {
        switch rustValue {
        case .onTime: self = .onTime
        case .dueSoon: self = .dueSoon
        case .overdue: self = .overdue
        case .done: self = .done
        }
    }
}

extension RequestFilter {
    var rustValue: InnomedFFI.RequestFilter {
        switch self {
        case .open: return .open
        case .overdue: return .overdue
        case .answered: return .answered
        }
    }
}

extension RequestSummary {
    init(rustValue r: InnomedFFI.RequestSummary) {
        self.init(row: CaseSummary(rustValue: r.`case`), deadline: DeadlineState(rustValue: r.deadline))
    }
}

extension DeadlineAlert {
    init(rustValue a: InnomedFFI.DeadlineAlert) {
        self.init(caseID: CaseID(a.roomId), code: a.code, deadline: DeadlineState(rustValue: a.state),
                  due: Date(milliseconds: a.dueMs))
    }
}

extension ScheduledReminder {
    /// `nil` for a state that is no reminder (`onTime`, `done`): the core lists none of them.
    init?(rustValue r: InnomedFFI.ScheduledReminder) {
        let state = DeadlineState(rustValue: r.state)
        guard state == .dueSoon || state == .overdue else { return nil }
        self.init(caseID: CaseID(r.roomId), code: r.code, at: Date(milliseconds: r.atMs), state: state)
    }
}

extension Profession {
    init(rustValue: InnomedFFI.Profession) {
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

extension MemberEntry {
    init(rustValue m: InnomedFFI.MemberEntry) {
        self.init(userID: UserID(m.userId), displayName: m.displayName,
                  profession: Profession(rustValue: m.profession), specialties: m.specialties,
                  rpps: m.rpps, retired: m.retired)
    }
}

extension PscIdentity {
    init(rustValue i: InnomedFFI.PscIdentity) {
        self.init(nationalID: i.nationalId, givenName: i.givenName, familyName: i.familyName,
                  profession: i.profession.map(Profession.init(rustValue:)),
                  professionCode: i.professionCode, specialtyCode: i.specialtyCode)
    }
}

extension JoinRequest {
    init(rustValue r: InnomedFFI.JoinRequest) {
        self.init(userID: UserID(r.userId), identity: r.identity.map(PscIdentity.init(rustValue:)))
    }
}

extension Specialty {
    init(rustValue s: InnomedFFI.Specialty) {
        self.init(code: s.code, labelFr: s.labelFr, labelEn: s.labelEn)
    }
}

extension Cpts {
    init(rustValue c: InnomedFFI.Cpts) {
        self.init(id: CptsID(c.spaceId()), name: c.name(), isJoined: c.isJoined())
    }
}
