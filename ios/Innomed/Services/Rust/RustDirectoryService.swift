import Foundation
import InnomedFFI

final class RustDirectoryService: DirectoryService, @unchecked Sendable {
    private let client: Client
    private let cptsSpaces: CptsSpaces

    init(client: Client, spaces: CptsSpaces) {
        self.client = client
        self.cptsSpaces = spaces
    }

    func specialties() -> [Specialty] {
        InnomedFFI.specialties().map(Specialty.init(rustValue:))
    }

    func spaces() throws -> [Cpts] {
        try cptsSpaces.all()
    }

    func join(_ cpts: CptsID) async throws {
        try await mapErrors { try await cptsSpaces.space(cpts).join() }
    }

    func search(in cpts: CptsID, specialty: String?, name: String?) async throws -> [MemberEntry] {
        try await mapErrors { try await cptsSpaces.space(cpts).search(specialty: specialty, name: name) }
            .map(MemberEntry.init(rustValue:))
    }

    func onDutyNow(in cpts: CptsID, specialty: String) async throws -> [MemberEntry] {
        try await mapErrors { try await cptsSpaces.space(cpts).onDutyNow(specialty: specialty) }
            .map(MemberEntry.init(rustValue:))
    }

    func isCoordinator(of cpts: CptsID) throws -> Bool {
        try mapErrorsSync { try cptsSpaces.space(cpts).isCoordinator() }
    }

    func editMember(_ user: UserID, in cpts: CptsID, edit: EntryEdit) async throws -> MemberEntry {
        let entry = try await mapSpaceErrors(coordinator: true) {
            try await cptsSpaces.space(cpts).editMember(userId: user.rawValue, edit: edit.rustValue)
        }
        return MemberEntry(rustValue: entry)
    }

    func rota(in cpts: CptsID) async throws -> [MemberDuty] {
        try await mapSpaceErrors(coordinator: false) { try await cptsSpaces.space(cpts).rota() }
            .map(MemberDuty.init(rustValue:))
    }

    func setDuty(_ user: UserID, in cpts: CptsID, slots: [DutySlot]) async throws {
        try await mapSpaceErrors(coordinator: true) {
            try await cptsSpaces.space(cpts).setDuty(userId: user.rawValue, slots: slots.map(\.rustValue))
        }
    }

    func myAvailability(in cpts: CptsID) async throws -> Availability {
        let availability = try await mapAvailabilityErrors { try await cptsSpaces.space(cpts).myAvailability() }
        return Availability(rustValue: availability)
    }

    func availabilities(in cpts: CptsID) async throws -> [MemberAvailability] {
        try await mapAvailabilityErrors { try await cptsSpaces.space(cpts).availabilities() }
            .map(MemberAvailability.init(rustValue:))
    }

    func addAbsence(_ absence: Absence, in cpts: CptsID) async throws -> Availability {
        let availability = try await mapAvailabilityErrors {
            try await cptsSpaces.space(cpts).addAbsence(absence: absence.rustValue)
        }
        return Availability(rustValue: availability)
    }

    func addPermanence(_ permanence: Permanence, in cpts: CptsID) async throws -> Availability {
        let availability = try await mapAvailabilityErrors {
            try await cptsSpaces.space(cpts).addPermanence(permanence: permanence.rustValue)
        }
        return Availability(rustValue: availability)
    }

    func removeAbsence(_ absence: Absence, in cpts: CptsID) async throws -> Availability {
        let availability = try await mapAvailabilityErrors {
            try await cptsSpaces.space(cpts).removeAbsence(absence: absence.rustValue)
        }
        return Availability(rustValue: availability)
    }

    func removePermanence(_ permanence: Permanence, in cpts: CptsID) async throws -> Availability {
        let availability = try await mapAvailabilityErrors {
            try await cptsSpaces.space(cpts).removePermanence(permanence: permanence.rustValue)
        }
        return Availability(rustValue: availability)
    }

    /// The new CPTS is the doctor's at once: the client may not list it before its next sync.
    func createCpts(named name: String) async throws -> Cpts {
        let created = try await mapErrors { try await client.createCpts(name: name) }
        Log.cases.info("CPTS created \(created.spaceId(), privacy: .public)")
        return cptsSpaces.adopt(created, typedName: name)
    }

    func askToJoin(_ cpts: CptsID) async throws {
        try await mapSpaceErrors(coordinator: false) { try await client.askToJoinCpts(spaceId: cpts.rawValue) }
    }

    func joinRequests(in cpts: CptsID) async throws -> [JoinRequest] {
        try await mapSpaceErrors(coordinator: true) { try await cptsSpaces.space(cpts).joinRequests() }
            .map(JoinRequest.init(rustValue:))
    }

    func approve(_ user: UserID, in cpts: CptsID, specialties: [String], retired: Bool) async throws -> MemberEntry {
        let entry = try await mapSpaceErrors(coordinator: true) {
            try await cptsSpaces.space(cpts).approve(userId: user.rawValue, specialties: specialties, retired: retired)
        }
        return MemberEntry(rustValue: entry)
    }

    func refuse(_ user: UserID, in cpts: CptsID) async throws {
        try await mapSpaceErrors(coordinator: true) { try await cptsSpaces.space(cpts).refuse(userId: user.rawValue) }
    }

    func partners(cptsID: CptsID) async throws -> [PartnerCpts] {
        try await mapSpaceErrors(coordinator: false) { try await cptsSpaces.space(cptsID).partners() }
            .map(PartnerCpts.init(rustValue:))
    }

    func declarePartner(cptsID: CptsID, spaceID: CptsID, coordinator: UserID) async throws -> PartnerCpts {
        let partner = try await mapSpaceErrors(coordinator: true) {
            try await cptsSpaces.space(cptsID).declarePartner(spaceId: spaceID.rawValue,
                                                              coordinator: coordinator.rawValue)
        }
        Log.cases.info("partner \(spaceID.rawValue, privacy: .public) declared in \(cptsID.rawValue, privacy: .public)")
        return PartnerCpts(rustValue: partner)
    }

    func withdrawPartner(cptsID: CptsID, spaceID: CptsID) async throws {
        try await mapSpaceErrors(coordinator: true) {
            try await cptsSpaces.space(cptsID).withdrawPartner(spaceId: spaceID.rawValue)
        }
        Log.cases.info("partner \(spaceID.rawValue, privacy: .public) withdrawn in \(cptsID.rawValue, privacy: .public)")
    }

    /// A member's own availability: the core's `NotFound` is the CPTS; its `NotAllowed` is the
    /// homeserver refusing a member's own entry in a space made before members could write one
    /// (opened to them by the coordinator's next change of the rota).
    private func mapAvailabilityErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch CptsError.NotFound {
            throw ServiceError.cptsNotFound
        } catch CptsError.NotAllowed {
            throw ServiceError.availabilityNotOpen
        } catch {
            throw ServiceError(rust: error)
        }
    }
}
