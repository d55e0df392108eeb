import Foundation
import InnomedFFI

// The models of this module carry the core's names, so a generated type of the same name is
// always written with its module (`InnomedFFI.DutySlot`); an unqualified name is this module's
// (InnomedServices), which shadows the imported one.

extension Weekday {
    /// Day by day, no `default`: a day the core adds fails the build here, not on screen.
    init(rustValue: InnomedFFI.Weekday) {
        switch rustValue {
        case .monday: self = .monday
        case .tuesday: self = .tuesday
        case .wednesday: self = .wednesday
        case .thursday: self = .thursday
        case .friday: self = .friday
        case .saturday: self = .saturday
        case .sunday: self = .sunday
        }
    }

    var rustValue: InnomedFFI.Weekday {
        switch self {
        case .monday: return .monday
        case .tuesday: return .tuesday
        case .wednesday: return .wednesday
        case .thursday: return .thursday
        case .friday: return .friday
        case .saturday: return .saturday
        case .sunday: return .sunday
        }
    }
}

extension DutySlot {
    init(rustValue s: InnomedFFI.DutySlot) {
        self.init(specialty: s.specialty, weekday: Weekday(rustValue: s.weekday),
                  startMinute: Int(s.startMinute), endMinute: Int(s.endMinute))
    }

    /// The minutes as the core holds them (`u16`). The screen offers 00:00 to 24:00 only;
    /// whether the slot is valid is the core's to say (`invalidSlot`).
    var rustValue: InnomedFFI.DutySlot {
        InnomedFFI.DutySlot(specialty: specialty, weekday: weekday.rustValue,
                            startMinute: UInt16(clamping: startMinute), endMinute: UInt16(clamping: endMinute))
    }
}

extension EntryEdit {
    var rustValue: InnomedFFI.EntryEdit {
        InnomedFFI.EntryEdit(displayName: displayName, specialties: specialties, retired: retired)
    }
}

extension MemberDuty {
    init(rustValue d: InnomedFFI.MemberDuty) {
        self.init(userID: UserID(d.userId), slots: d.slots.map(DutySlot.init(rustValue:)))
    }
}

extension SlotProblem {
    init(rustValue: InnomedFFI.SlotProblem) {
        switch rustValue {
        case .notMemberSpecialty: self = .notMemberSpecialty
        case .outsideDay: self = .outsideDay
        }
    }
}

extension AvailabilityProblem {
    init(rustValue: InnomedFFI.AvailabilityProblem) {
        switch rustValue {
        case .badDate: self = .badDate
        case .endsBeforeStart: self = .endsBeforeStart
        case .inThePast: self = .inThePast
        case .tooFarAhead: self = .tooFarAhead
        case .overlapping: self = .overlapping
        case .tooMany: self = .tooMany
        case .noSuchEntry: self = .noSuchEntry
        }
    }
}

extension Absence {
    init(rustValue a: InnomedFFI.Absence) {
        self.init(firstDay: a.firstDay, lastDay: a.lastDay)
    }

    var rustValue: InnomedFFI.Absence {
        InnomedFFI.Absence(firstDay: firstDay, lastDay: lastDay)
    }
}

extension Permanence {
    init(rustValue p: InnomedFFI.Permanence) {
        self.init(specialty: p.specialty, day: p.day,
                  startMinute: Int(p.startMinute), endMinute: Int(p.endMinute))
    }

    /// The minutes as the core holds them (`u16`), as `DutySlot`'s: whether the hours are valid
    /// is the core's to say (`invalidSlot`).
    var rustValue: InnomedFFI.Permanence {
        InnomedFFI.Permanence(specialty: specialty, day: day,
                              startMinute: UInt16(clamping: startMinute), endMinute: UInt16(clamping: endMinute))
    }
}

extension Availability {
    init(rustValue a: InnomedFFI.Availability) {
        self.init(absences: a.absences.map(Absence.init(rustValue:)),
                  permanences: a.permanences.map(Permanence.init(rustValue:)))
    }
}

extension MemberAvailability {
    init(rustValue m: InnomedFFI.MemberAvailability) {
        self.init(userID: UserID(m.userId), availability: Availability(rustValue: m.availability))
    }
}
