import Foundation
import InnomedServices

/// Someone named as the CPTS directory names them: `member` is their entry, `nil` when the
/// directory does not know them (their user id is shown then). As the rota names its members.
struct DirectoryPerson: Hashable {
    let userID: UserID
    let member: MemberEntry?

    /// The directory's name, else the user id.
    var name: String { member?.displayName ?? userID.rawValue }

    /// A physician is shown "Dr …", unless the directory's name already says so.
    var addsDoctorTitle: Bool { RotaLine.addsDoctorTitle(to: member) }

    /// "Dr Bruno Derme", or the user id.
    var shownName: String {
        addsDoctorTitle ? L10n.format("rota.doctor", name) : name
    }
}

/// The directory's entries by user id, to name people from it.
struct DirectoryNames: Equatable {
    private var byUser: [UserID: MemberEntry] = [:]

    init(_ members: [MemberEntry] = []) {
        for member in members where byUser[member.userID] == nil {
            byUser[member.userID] = member
        }
    }

    func person(_ user: UserID) -> DirectoryPerson {
        DirectoryPerson(userID: user, member: byUser[user])
    }

    /// Whether the directory names everyone of `users`.
    func knowsAll(_ users: [UserID]) -> Bool {
        users.allSatisfy { byUser[$0] != nil }
    }
}
