import Foundation
@testable import InnomedServices

final class FakeDirectoryService: DirectoryService {
    var options = [SpecialtyOption(code: "dermatology", labelFr: "Dermatologie", labelEn: "Dermatology")]
    var cptsSpaces: [CptsInfo] = []
    var onSearch: (CptsID, String?, String?) async throws -> [DirectoryMember] = { _, _, _ in try unstubbed("search") }
    var onDuty: (CptsID, String) async throws -> [DirectoryMember] = { _, _ in try unstubbed("onDutyNow") }

    func specialties() -> [SpecialtyOption] { options }
    func spaces() throws -> [CptsInfo] { cptsSpaces }
    func join(_ cpts: CptsID) async throws { try unstubbed("join") }

    func search(in cpts: CptsID, specialty: String?, name: String?) async throws -> [DirectoryMember] {
        try await onSearch(cpts, specialty, name)
    }

    func onDutyNow(in cpts: CptsID, specialty: String) async throws -> [DirectoryMember] {
        try await onDuty(cpts, specialty)
    }
}
