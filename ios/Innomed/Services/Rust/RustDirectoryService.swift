import Foundation
import InnomedFFI

final class RustDirectoryService: DirectoryService, @unchecked Sendable {
    private let client: Client

    init(client: Client) {
        self.client = client
    }

    func specialties() -> [Specialty] {
        InnomedFFI.specialties().map(Specialty.init(rustValue:))
    }

    func spaces() throws -> [Cpts] {
        try mapErrorsSync { try client.cptsSpaces() }.map(Cpts.init(rustValue:))
    }

    func join(_ cpts: CptsID) async throws {
        try await mapErrors { try await client.space(cpts).join() }
    }

    func search(in cpts: CptsID, specialty: String?, name: String?) async throws -> [MemberEntry] {
        try await mapErrors { try await client.space(cpts).search(specialty: specialty, name: name) }
            .map(MemberEntry.init(rustValue:))
    }

    func onDutyNow(in cpts: CptsID, specialty: String) async throws -> [MemberEntry] {
        try await mapErrors { try await client.space(cpts).onDutyNow(specialty: specialty) }
            .map(MemberEntry.init(rustValue:))
    }
}
