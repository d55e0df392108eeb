import Foundation
import InnomedServices

/// The chips above the case list, each one of the core's filters. Which case waits for the
/// doctor, was asked by them, is overdue or archived is the core's to say: a chip only picks
/// the filter the core applies.
enum CaseListChip: String, CaseIterable, Hashable {
    case all, waitingForMe, askedByMe, overdue, urgent, muted, archived

    /// The core's filter behind the chip.
    var filter: CaseFilter {
        switch self {
        case .all: return .main
        case .waitingForMe: return CaseFilter(waitingForMe: true)
        case .askedByMe: return CaseFilter(askedByMe: true)
        case .overdue: return CaseFilter(overdue: true)
        case .urgent: return CaseFilter(urgency: .urgent)
        case .muted: return CaseFilter(muted: true)
        case .archived: return .archive
        }
    }

    /// Its words in Localizable.strings.
    var labelKey: String { "cases.filter.\(rawValue)" }
}
