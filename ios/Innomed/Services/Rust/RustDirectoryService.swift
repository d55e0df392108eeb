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

    func isCoordinator(of cpts: CptsID) throws -> Bool {
        try mapErrorsSync { try client.space(cpts).isCoordinator() }
    }

    func editMember(_ user: UserID, in cpts: CptsID, edit: EntryEdit) async throws -> MemberEntry {
        let entry = try await mapSpaceErrors(coordinator: true) {
            try await client.space(cpts).editMember(userId: user.rawValue, edit: edit.rustValue)
        }
        return MemberEntry(rustValue: entry)
    }

    func rota(in cpts: CptsID) async throws -> [MemberDuty] {
        try await mapSpaceErrors(coordinator: false) { try await client.space(cpts).rota() }
            .map(MemberDuty.init(rustValue:))
    }

    func setDuty(_ user: UserID, in cpts: CptsID, slots: [DutySlot]) async throws {
        try await mapSpaceErrors(coordinator: true) {
            try await client.space(cpts).setDuty(userId: user.rawValue, slots: slots.map(\.rustValue))
        }
    }

    func askToJoin(_ cpts: CptsID) async throws {
        try await mapSpaceErrors(coordinator: false) { try await client.askToJoinCpts(spaceId: cpts.rawValue) }
    }

    func joinRequests(in cpts: CptsID) async throws -> [JoinRequest] {
        try await mapSpaceErrors(coordinator: true) { try await client.space(cpts).joinRequests() }
            .map(JoinRequest.init(rustValue:))
    }

    func approve(_ user: UserID, in cpts: CptsID, specialties: [String], retired: Bool) async throws -> MemberEntry {
        let entry = try await mapSpaceErrors(coordinator: true) {
            try await client.space(cpts).approve(userId: user.rawValue, specialties: specialties, retired: retired)
        }
        return MemberEntry(rustValue: entry)
    }

    func refuse(_ user: UserID, in cpts: CptsID) async throws {
        try await mapSpaceErrors(coordinator: true) { try await client.space(cpts).refuse(userId: user.rawValue) }
    }

    /// Here the core's `NotFound` is the CPTS (a space id nobody has), not a case; its
    /// `NotAllowed` on the coordinator's calls (join requests, the rota's changes, an entry's
    /// correction) is the
    /// homeserver refusing a member who is not.
    private func mapSpaceErrors<T>(coordinator: Bool, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch CptsError.NotFound {
            throw ServiceError.cptsNotFound
        } catch CptsError.NotAllowed where coordinator {
            throw ServiceError.coordinatorOnly
        } catch {
            throw ServiceError(rust: error)
        }
    }
}
