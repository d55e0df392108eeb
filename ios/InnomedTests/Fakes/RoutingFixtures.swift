import Foundation
import XCTest
@testable import InnomedServices

/// A CPTS, its directory and the core's answers about requests nobody took in time (the next
/// step on the GP's device, the coordinator's alerts, the routing windows), as the core would
/// give them.
enum RoutingFixtures {
    static let cpts = Cpts(id: CptsID("!cpts:cpts.test"), name: "CPTS Test", isJoined: true)
    static let caseID = CaseID("!case:cpts.test")
    static let derme = UserID("@dr.derme:cpts.test")
    static let lefevre = UserID("@dr.lefevre:cpts.test")
    static let stranger = UserID("@z9y8x7:cpts.test")
    static let defaults = RoutingWindows(urgent: 30 * 60, soon: 4 * 3600, routine: 24 * 3600)

    static let members = [
        member(derme, "Bruno Derme", ["dermatology"]),
        member(lefevre, "Dr Léa Lefèvre", ["dermatology"]),
        member(Fixtures.gp, "Marie Martin", ["general_practice"]),
    ]

    static func member(_ id: UserID, _ name: String, _ specialties: [String]) -> MemberEntry {
        MemberEntry(userID: id, displayName: name, profession: .physician, specialties: specialties,
                    rpps: "10001234567", retired: false)
    }

    /// A directory of `members`, read in full (no specialty, no name).
    static func directory(coordinator: Bool = true) -> FakeDirectoryService {
        let directory = FakeDirectoryService()
        directory.onIsCoordinator = { _ in coordinator }
        directory.onSearch = { _, specialty, name in
            XCTAssertNil(specialty)
            XCTAssertNil(name)
            return members
        }
        return directory
    }

    static func alert(_ code: String, urgency: Urgency = .urgent, next: [UserID], at: Date) -> UnansweredRequest {
        UnansweredRequest(caseID: CaseID("!\(code):cpts.test"), code: code, specialty: "dermatology",
                          urgency: urgency, requester: Fixtures.gp, next: next, at: at)
    }
}
