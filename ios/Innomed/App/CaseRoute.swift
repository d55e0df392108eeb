import Foundation
import InnomedServices

/// Where a tapped notification leads.
enum CaseDestination: Equatable {
    /// A joined case: its conversation.
    case conversation(CaseID)
    /// An invitation: the case list, where it is accepted or declined (no conversation yet).
    case invitations
    /// A coordinator's unanswered request (the notification names the CPTS space, not a case):
    /// the CPTS's "Demandes sans réponse", in the directory tab.
    case unanswered(Cpts)
}

/// The case a tapped notification asks for, held until the app may show cases (signed in, past
/// the recovery step and the app lock: `AppModel` decides). Handed out once; dropped when this
/// account has no such case on this device (another account's, left, or not a case). A room id
/// that is a CPTS space this account joined is a coordinator's unanswered request (a space
/// pushes nothing else), whether the extension wrote its line or left the placeholder.
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
    mutating func take(ready: Bool, cases: CaseService, directory: DirectoryService) -> CaseDestination? {
        guard ready, let id = pending else { return nil }
        pending = nil
        if let space = (try? directory.spaces())?.first(where: { $0.isJoined && $0.id.rawValue == id.rawValue }) {
            return .unanswered(space)
        }
        guard let membership = try? cases.membership(of: id) else { return nil }
        switch membership {
        case .joined: return .conversation(id)
        case .invited: return .invitations
        case .left: return nil
        }
    }
}
