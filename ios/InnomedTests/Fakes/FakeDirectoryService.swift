import Foundation
@testable import InnomedServices

final class FakeDirectoryService: DirectoryService {
    var options = [Specialty(code: "dermatology", labelFr: "Dermatologie", labelEn: "Dermatology")]
    var cptsSpaces: [Cpts] = []
    var onSearch: (CptsID, String?, String?) async throws -> [MemberEntry] = { _, _, _ in try unstubbed("search") }
    var onDuty: (CptsID, String) async throws -> [MemberEntry] = { _, _ in try unstubbed("onDutyNow") }

    func specialties() -> [Specialty] { options }
    func spaces() throws -> [Cpts] { cptsSpaces }
    func join(_ cpts: CptsID) async throws { try unstubbed("join") }

    func search(in cpts: CptsID, specialty: String?, name: String?) async throws -> [MemberEntry] {
        try await onSearch(cpts, specialty, name)
    }

    func onDutyNow(in cpts: CptsID, specialty: String) async throws -> [MemberEntry] {
        try await onDuty(cpts, specialty)
    }
}
