import Foundation
import InnomedServices

/// Days as the core writes them: `YYYY-MM-DD`, a Paris date (whatever the phone's time zone,
/// the core takes the text as one).
enum CalendarDay {
    /// The day a date picker showed for `date`: its year, month and day in the picker's time
    /// zone (the phone's), written `2025-03-04`. Nothing else is judged here.
    static func string(from date: Date, timeZone: TimeZone = .current) -> String {
        let parts = calendar(in: timeZone).dateComponents([.year, .month, .day], from: date)
        return String(format: "%04ld-%02ld-%02ld", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The core's day at noon in `timeZone`, to show it; `nil` when it is not a calendar day
    /// written `YYYY-MM-DD` (it is then shown as written).
    static func date(from day: String, timeZone: TimeZone = .current) -> Date? {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]) else {
            return nil
        }
        let calendar = calendar(in: timeZone)
        let wanted = DateComponents(year: year, month: month, day: dayOfMonth, hour: 12)
        guard let date = calendar.date(from: wanted) else { return nil }
        let found = calendar.dateComponents([.year, .month, .day], from: date)
        guard found.year == year, found.month == month, found.day == dayOfMonth else { return nil }
        return date
    }

    private static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}

/// A member's declared absences and permanences in words, in the interface's language:
/// "Absence du lundi 3 mars 2025 au vendredi 7 mars 2025", "Permanence Dermatologie, samedi
/// 8 mars 2025, 09:00–12:00".
enum AvailabilityLabel {
    /// "lundi 3 mars 2025"; the core's text as it is when it is not a day.
    static func day(_ day: String) -> String {
        let utc = TimeZone(identifier: "UTC") ?? .current
        guard let date = CalendarDay.date(from: day, timeZone: utc) else { return day }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: L10n.languageCode == "en" ? "en_GB" : "fr_FR")
        formatter.timeZone = utc
        formatter.setLocalizedDateFormatFromTemplate("EEEEdMMMMyyyy")
        return formatter.string(from: date)
    }

    static func absence(_ absence: Absence) -> String {
        if absence.firstDay == absence.lastDay {
            return L10n.format("availability.absence.oneDay", day(absence.firstDay))
        }
        return L10n.format("availability.absence.days", day(absence.firstDay), day(absence.lastDay))
    }

    static func permanence(_ permanence: Permanence, specialties: [Specialty]) -> String {
        L10n.format("availability.permanence.line", specialties.label(for: permanence.specialty) ?? permanence.specialty,
                    day(permanence.day), hours(permanence))
    }

    static func entry(_ entry: AvailabilityEntry, specialties: [Specialty]) -> String {
        switch entry {
        case .absence(let value): return Self.absence(value)
        case .permanence(let value): return Self.permanence(value, specialties: specialties)
        }
    }

    /// `09:00–12:00`.
    static func hours(_ permanence: Permanence) -> String {
        "\(RotaTime.format(permanence.startMinute))–\(RotaTime.format(permanence.endMinute))"
    }
}
