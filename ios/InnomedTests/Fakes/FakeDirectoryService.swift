import Foundation
@testable import InnomedServices

final class FakeDirectoryService: DirectoryService {
    var options = [Specialty(code: "dermatology", labelFr: "Dermatologie", labelEn: "Dermatology")]
    var cptsSpaces: [Cpts] = []
    var onSearch: (CptsID, String?, String?) async throws -> [MemberEntry] = { _, _, _ in try unstubbed("search") }
    var onDuty: (CptsID, String) async throws -> [MemberEntry] = { _, _ in try unstubbed("onDutyNow") }
    var onAskToJoin: (CptsID) async throws -> Void = { _ in try unstubbed("askToJoin") }
    var onJoinRequests: (CptsID) async throws -> [JoinRequest] = { _ in try unstubbed("joinRequests") }
    var onApprove: (UserID, CptsID, [String], Bool) async throws -> MemberEntry = { _, _, _, _ in
        try unstubbed("approve")
    }
    var onRefuse: (UserID, CptsID) async throws -> Void = { _, _ in try unstubbed("refuse") }

    func specialties() -> [Specialty] { options }
    func spaces() throws -> [Cpts] { cptsSpaces }
    func join(_ cpts: CptsID) async throws { try unstubbed("join") }

    func search(in cpts: CptsID, specialty: String?, name: String?) async throws -> [MemberEntry] {
        try await onSearch(cpts, specialty, name)
    }

    func onDutyNow(in cpts: CptsID, specialty: String) async throws -> [MemberEntry] {
        try await onDuty(cpts, specialty)
    }

    func askToJoin(_ cpts: CptsID) async throws { try await onAskToJoin(cpts) }

    func joinRequests(in cpts: CptsID) async throws -> [JoinRequest] { try await onJoinRequests(cpts) }

    func approve(_ user: UserID, in cpts: CptsID, specialties: [String], retired: Bool) async throws -> MemberEntry {
        try await onApprove(user, cpts, specialties, retired)
    }

    func refuse(_ user: UserID, in cpts: CptsID) async throws { try await onRefuse(user, cpts) }
}
