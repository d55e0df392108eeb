import Foundation

/// A CPTS this doctor is in or invited to.
public struct Cpts: Identifiable, Equatable, Sendable {
    public let id: CptsID
    public let name: String
    public let isJoined: Bool

    public init(id: CptsID, name: String, isJoined: Bool) {
        self.id = id
        self.name = name
        self.isJoined = isJoined
    }
}

public enum Profession: String, CaseIterable, Sendable {
    case physician, nurse, pharmacist, physiotherapist, midwife, dentist
}

/// One row of the CPTS directory (professional data, not patient data).
public struct MemberEntry: Identifiable, Hashable, Sendable {
    public let userID: UserID
    public let displayName: String
    public let profession: Profession
    /// Specialty codes.
    public let specialties: [String]
    public let rpps: String
    public let retired: Bool
    public var id: UserID { userID }

    public init(userID: UserID, displayName: String, profession: Profession,
                specialties: [String], rpps: String, retired: Bool) {
        self.userID = userID
        self.displayName = displayName
        self.profession = profession
        self.specialties = specialties
        self.rpps = rpps
        self.retired = retired
    }
}

/// What the coordinator may correct in a directory entry: the name, the specialties (codes of
/// the fixed list), retired or not. The RPPS number and the profession stay.
public struct EntryEdit: Hashable, Sendable {
    public let displayName: String
    public let specialties: [String]
    public let retired: Bool

    public init(displayName: String, specialties: [String], retired: Bool) {
        self.displayName = displayName
        self.specialties = specialties
        self.retired = retired
    }
}

/// A specialty of the core's fixed list, with its labels.
public struct Specialty: Identifiable, Hashable, Sendable {
    public let code: String
    public let labelFr: String
    public let labelEn: String
    public var id: String { code }

    public init(code: String, labelFr: String, labelEn: String) {
        self.code = code
        self.labelFr = labelFr
        self.labelEn = labelEn
    }

    /// French unless the phone's language is English.
    public func label(languageCode: String?) -> String {
        languageCode == "en" ? labelEn : labelFr
    }
}

/// What Pro Santé Connect said of a professional when they signed in, as the homeserver kept
/// it (never what the asker typed).
public struct PscIdentity: Hashable, Sendable {
    /// `8` then the RPPS number for professionals in RPPS.
    public let nationalID: String
    public let givenName: String
    public let familyName: String
    /// `nil` when the profession is not one Innomed knows (`professionCode` says which).
    public let profession: Profession?
    /// The national nomenclature's profession code (`10`: physician).
    public let professionCode: String
    /// The national nomenclature's specialty code, when PSC gives one.
    public let specialtyCode: String?

    public init(nationalID: String, givenName: String, familyName: String, profession: Profession?,
                professionCode: String, specialtyCode: String?) {
        self.nationalID = nationalID
        self.givenName = givenName
        self.familyName = familyName
        self.profession = profession
        self.professionCode = professionCode
        self.specialtyCode = specialtyCode
    }

    /// "Given Family", as the directory entry will name them.
    public var displayName: String {
        [givenName, familyName].map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// Someone who asked to join a CPTS.
public struct JoinRequest: Identifiable, Hashable, Sendable {
    public let userID: UserID
    /// `nil`: the account did not sign in with Pro Santé Connect; it cannot be approved.
    public let identity: PscIdentity?
    public var id: UserID { userID }

    public init(userID: UserID, identity: PscIdentity?) {
        self.userID = userID
        self.identity = identity
    }
}

/// Day of the week, Monday first (the core's `Weekday`).
public enum Weekday: String, CaseIterable, Sendable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
}

/// One weekly duty slot, Paris time: every `weekday` from `startMinute` to `endMinute` (minutes
/// after midnight; the end is excluded and may be 1440, midnight at the end of the day) for one
/// specialty code. A night across midnight is two slots.
public struct DutySlot: Hashable, Sendable {
    public let specialty: String
    public let weekday: Weekday
    public let startMinute: Int
    public let endMinute: Int

    public init(specialty: String, weekday: Weekday, startMinute: Int, endMinute: Int) {
        self.specialty = specialty
        self.weekday = weekday
        self.startMinute = startMinute
        self.endMinute = endMinute
    }
}

/// One member's weekly duty slots, as the CPTS holds them.
public struct MemberDuty: Hashable, Sendable {
    public let userID: UserID
    public let slots: [DutySlot]

    public init(userID: UserID, slots: [DutySlot]) {
        self.userID = userID
        self.slots = slots
    }
}
