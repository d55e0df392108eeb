import Foundation
@testable import InnomedServices

final class FakeDirectoryService: DirectoryService {
    /// One `setDuty` call: the member's whole new list of slots.
    struct DutyChange: Equatable {
        let user: UserID
        let cpts: CptsID
        let slots: [DutySlot]
    }

    /// One change of the signed-in member's own availability, as asked of the core.
    enum AvailabilityChange: Equatable {
        case addAbsence(Absence, CptsID)
        case addPermanence(Permanence, CptsID)
        case removeAbsence(Absence, CptsID)
        case removePermanence(Permanence, CptsID)
    }

    var options = [Specialty(code: "dermatology", labelFr: "Dermatologie", labelEn: "Dermatology")]
    var cptsSpaces: [Cpts] = []
    var onSearch: (CptsID, String?, String?) async throws -> [MemberEntry] = { _, _, _ in try unstubbed("search") }
    var onDuty: (CptsID, String) async throws -> [MemberEntry] = { _, _ in try unstubbed("onDutyNow") }
    var onAskToJoin: (CptsID) async throws -> Void = { _ in try unstubbed("askToJoin") }
    var onCreateCpts: (String) async throws -> Cpts = { _ in try unstubbed("createCpts") }
    /// Every name a CPTS was asked to be created with, in order, refused ones too.
    private(set) var cptsCreations: [String] = []
    /// Every directory search (CPTS, specialty, name), in order.
    private(set) var searches: [(CptsID, String?, String?)] = []
    var onJoinRequests: (CptsID) async throws -> [JoinRequest] = { _ in try unstubbed("joinRequests") }
    var onApprove: (UserID, CptsID, [String], Bool) async throws -> MemberEntry = { _, _, _, _ in
        try unstubbed("approve")
    }
    var onRefuse: (UserID, CptsID) async throws -> Void = { _, _ in try unstubbed("refuse") }
    var onIsCoordinator: (CptsID) throws -> Bool = { _ in try unstubbed("isCoordinator") }
    var onEditMember: (UserID, CptsID, EntryEdit) async throws -> MemberEntry = { _, _, _ in
        try unstubbed("editMember")
    }
    var onRota: (CptsID) async throws -> [MemberDuty] = { _ in try unstubbed("rota") }
    var onSetDuty: (UserID, CptsID, [DutySlot]) async throws -> Void = { _, _, _ in try unstubbed("setDuty") }
    /// Every `setDuty` call, in order, refused ones too.
    private(set) var dutyChanges: [DutyChange] = []
    var onMyAvailability: (CptsID) async throws -> Availability = { _ in try unstubbed("myAvailability") }
    var onAvailabilities: (CptsID) async throws -> [MemberAvailability] = { _ in try unstubbed("availabilities") }
    /// Answers every change of the member's own availability (add or remove, absence or
    /// permanence), after it was recorded in `availabilityChanges`.
    var onAvailabilityChange: (AvailabilityChange) async throws -> Availability = { _ in
        try unstubbed("availability change")
    }
    /// Every change of the member's own availability, in order, refused ones too.
    private(set) var availabilityChanges: [AvailabilityChange] = []
    var onPartners: (CptsID) async throws -> [PartnerCpts] = { _ in try unstubbed("partners") }
    var onDeclarePartner: (CptsID, CptsID, UserID) async throws -> PartnerCpts = { _, _, _ in
        try unstubbed("declarePartner")
    }
    var onWithdrawPartner: (CptsID, CptsID) async throws -> Void = { _, _ in try unstubbed("withdrawPartner") }
    /// Every `declarePartner` call (CPTS, partner's space, its coordinator), in order, refused ones too.
    private(set) var partnerDeclarations: [(CptsID, CptsID, UserID)] = []
    /// Every `withdrawPartner` call (CPTS, partner's space), in order, refused ones too.
    private(set) var partnerWithdrawals: [(CptsID, CptsID)] = []

    func specialties() -> [Specialty] { options }
    func spaces() throws -> [Cpts] { cptsSpaces }
    func join(_ cpts: CptsID) async throws { try unstubbed("join") }

    func search(in cpts: CptsID, specialty: String?, name: String?) async throws -> [MemberEntry] {
        searches.append((cpts, specialty, name))
        return try await onSearch(cpts, specialty, name)
    }

    func onDutyNow(in cpts: CptsID, specialty: String) async throws -> [MemberEntry] {
        try await onDuty(cpts, specialty)
    }

    func isCoordinator(of cpts: CptsID) throws -> Bool { try onIsCoordinator(cpts) }

    func editMember(_ user: UserID, in cpts: CptsID, edit: EntryEdit) async throws -> MemberEntry {
        try await onEditMember(user, cpts, edit)
    }

    func rota(in cpts: CptsID) async throws -> [MemberDuty] { try await onRota(cpts) }

    func setDuty(_ user: UserID, in cpts: CptsID, slots: [DutySlot]) async throws {
        dutyChanges.append(DutyChange(user: user, cpts: cpts, slots: slots))
        try await onSetDuty(user, cpts, slots)
    }

    func myAvailability(in cpts: CptsID) async throws -> Availability { try await onMyAvailability(cpts) }

    func availabilities(in cpts: CptsID) async throws -> [MemberAvailability] { try await onAvailabilities(cpts) }

    func addAbsence(_ absence: Absence, in cpts: CptsID) async throws -> Availability {
        try await changeAvailability(.addAbsence(absence, cpts))
    }

    func addPermanence(_ permanence: Permanence, in cpts: CptsID) async throws -> Availability {
        try await changeAvailability(.addPermanence(permanence, cpts))
    }

    func removeAbsence(_ absence: Absence, in cpts: CptsID) async throws -> Availability {
        try await changeAvailability(.removeAbsence(absence, cpts))
    }

    func removePermanence(_ permanence: Permanence, in cpts: CptsID) async throws -> Availability {
        try await changeAvailability(.removePermanence(permanence, cpts))
    }

    private func changeAvailability(_ change: AvailabilityChange) async throws -> Availability {
        availabilityChanges.append(change)
        return try await onAvailabilityChange(change)
    }

    func createCpts(named name: String) async throws -> Cpts {
        cptsCreations.append(name)
        return try await onCreateCpts(name)
    }

    func askToJoin(_ cpts: CptsID) async throws { try await onAskToJoin(cpts) }

    func joinRequests(in cpts: CptsID) async throws -> [JoinRequest] { try await onJoinRequests(cpts) }

    func approve(_ user: UserID, in cpts: CptsID, specialties: [String], retired: Bool) async throws -> MemberEntry {
        try await onApprove(user, cpts, specialties, retired)
    }

    func refuse(_ user: UserID, in cpts: CptsID) async throws { try await onRefuse(user, cpts) }

    func partners(cptsID: CptsID) async throws -> [PartnerCpts] { try await onPartners(cptsID) }

    func declarePartner(cptsID: CptsID, spaceID: CptsID, coordinator: UserID) async throws -> PartnerCpts {
        partnerDeclarations.append((cptsID, spaceID, coordinator))
        return try await onDeclarePartner(cptsID, spaceID, coordinator)
    }

    func withdrawPartner(cptsID: CptsID, spaceID: CptsID) async throws {
        partnerWithdrawals.append((cptsID, spaceID))
        try await onWithdrawPartner(cptsID, spaceID)
    }
}
