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
