import Foundation

// A member's own availability, beside the coordinator's weekly rota (which stays the default):
// an absence takes them off duty those Paris days whatever the rota says; a one-off permanence
// puts them on duty for one of their specialties that day and hours. The core checks both and
// routes by them; the app shows what it says.

/// Away from `firstDay` to `lastDay`, both included (Paris dates, `YYYY-MM-DD`, as the core
/// writes them).
public struct Absence: Hashable, Sendable {
    public let firstDay: String
    public let lastDay: String

    public init(firstDay: String, lastDay: String) {
        self.firstDay = firstDay
        self.lastDay = lastDay
    }
}

/// On duty for one specialty code on one Paris day (`YYYY-MM-DD`), from `startMinute` to
/// `endMinute` (minutes after midnight; the end is excluded and may be 1440).
public struct Permanence: Hashable, Sendable {
    public let specialty: String
    public let day: String
    public let startMinute: Int
    public let endMinute: Int

    public init(specialty: String, day: String, startMinute: Int, endMinute: Int) {
        self.specialty = specialty
        self.day = day
        self.startMinute = startMinute
        self.endMinute = endMinute
    }
}

/// A member's absences and permanences to come, soonest first (the core's order).
public struct Availability: Hashable, Sendable {
    public let absences: [Absence]
    public let permanences: [Permanence]

    public init(absences: [Absence], permanences: [Permanence]) {
        self.absences = absences
        self.permanences = permanences
    }

    /// Nothing declared.
    public static let empty = Availability(absences: [], permanences: [])

    public var isEmpty: Bool { absences.isEmpty && permanences.isEmpty }
}

/// One member's declared availability, as the CPTS holds it.
public struct MemberAvailability: Hashable, Sendable {
    public let userID: UserID
    public let availability: Availability

    public init(userID: UserID, availability: Availability) {
        self.userID = userID
        self.availability = availability
    }
}
