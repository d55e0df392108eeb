import Foundation
import InnomedFFI

final class RustDirectoryService: DirectoryService, @unchecked Sendable {
    private let client: Client

    init(client: Client) {
        self.client = client
    }

    func specialties() -> [SpecialtyOption] {
        InnomedFFI.specialties().map(SpecialtyOption.init(rustValue:))
    }

    func spaces() throws -> [CptsInfo] {
        try mapErrorsSync { try client.cptsSpaces() }.map(CptsInfo.init(rustValue:))
    }

    func join(_ cpts: CptsID) async throws {
        try await mapErrors { try await client.space(cpts).join() }
    }

    func search(in cpts: CptsID, specialty: String?, name: String?) async throws -> [DirectoryMember] {
        try await mapErrors { try await client.space(cpts).search(specialty: specialty, name: name) }
            .map(DirectoryMember.init(rustValue:))
    }

    func onDutyNow(in cpts: CptsID, specialty: String) async throws -> [DirectoryMember] {
        try await mapErrors { try await client.space(cpts).onDutyNow(specialty: specialty) }
            .map(DirectoryMember.init(rustValue:))
    }
}
