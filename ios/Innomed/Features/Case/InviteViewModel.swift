import Combine
import Foundation
import InnomedServices

/// Invite a colleague: search the CPTS directory by name, or type a full user id.
@MainActor
final class InviteViewModel: ObservableObject {
    @Published var query = ""
    @Published private(set) var results: [MemberEntry] = []
    @Published private(set) var invited: Set<UserID> = []
    @Published private(set) var isWorking = false
    @Published var error: ServiceError?

    private let caseID: CaseID
    private let cases: CaseService
    private let directory: DirectoryService

    init(session: UserSession, caseID: CaseID) {
        self.caseID = caseID
        cases = session.cases
        directory = session.directory
    }

    /// A full user id typed in the search field (`@dr.benali:cpts.fr`).
    var typedUserID: UserID? {
        let text = query.trimmingCharacters(in: .whitespaces)
        return text.hasPrefix("@") && text.contains(":") ? UserID(text) : nil
    }

    func search() async {
        let name = query.trimmingCharacters(in: .whitespaces)
        guard typedUserID == nil, name.count >= 2 else {
            results = []
            return
        }
        do {
            guard let cpts = try directory.spaces().first(where: \.isJoined) else { return }
            results = try await directory.search(in: cpts.id, specialty: nil, name: name)
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    func invite(_ user: UserID) async {
        isWorking = true
        defer { isWorking = false }
        do {
            try await cases.invite(user, to: caseID)
            invited.insert(user)
        } catch {
            self.error = ServiceError.from(error)
        }
    }
}
