import Foundation
import InnomedServices

/// Where a tapped notification leads.
enum CaseDestination: Equatable {
    /// A joined case: its conversation.
    case conversation(CaseID)
    /// An invitation: the case list, where it is accepted or declined (no conversation yet).
    case invitations
}

/// The case a tapped notification asks for, held until the app may show cases (signed in, past
/// the recovery step and the app lock: `AppModel` decides). Handed out once; dropped when this
/// account has no such case on this device (another account's, left, or not a case).
struct CaseRoute {
    private(set) var pending: CaseID?

    /// A later tap replaces an earlier one; something that is not a room id changes nothing.
    /// (No `:server` required: room version 12 ids have none.)
    mutating func tapped(roomID: String) {
        let trimmed = roomID.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("!"), trimmed.count > 1 else { return }
        pending = CaseID(trimmed)
    }

    mutating func clear() {
        pending = nil
    }

    /// Nothing while the app is not `ready`; then the destination of the pending case, once:
    /// the pending id is consumed even when it leads nowhere.
    mutating func take(ready: Bool, cases: CaseService) -> CaseDestination? {
        guard ready, let id = pending else { return nil }
        pending = nil
        guard let membership = try? cases.membership(of: id) else { return nil }
        switch membership {
        case .joined: return .conversation(id)
        case .invited: return .invitations
        case .left: return nil
        }
    }
}
