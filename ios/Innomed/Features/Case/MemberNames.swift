import Foundation
import InnomedServices

/// The names of the people of a case, from the members list the core gives (`CaseMember`): each
/// one's `displayName` (CPTS directory, else profile, else the user id), the user id for anyone
/// not in the list.
struct MemberNames: Equatable {
    private var byUser: [UserID: String] = [:]

    init(_ members: [CaseMember] = []) {
        for member in members where byUser[member.user] == nil {
            let name = member.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
            if !name.isEmpty { byUser[member.user] = name }
        }
    }

    func name(of user: UserID) -> String {
        byUser[user] ?? user.rawValue
    }

    /// Several people, in the order given, separated by commas (read receipts, a send held for
    /// changed identities).
    func names(of users: [UserID]) -> String {
        users.map(name(of:)).joined(separator: ", ")
    }

    /// A member nobody can vouch for: the name with the user id beside it, since a profile's name
    /// is whatever its owner typed; the id alone when it is the only name known.
    func nameAndID(of user: UserID) -> String {
        let shown = name(of: user)
        return shown == user.rawValue ? shown : "\(shown) (\(user.rawValue))"
    }
}
