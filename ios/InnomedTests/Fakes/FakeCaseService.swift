import Foundation
@testable import InnomedServices

final class FakeCaseService: CaseService {
    /// Each element is one update of the live list; the stream ends after the last.
    var rowUpdates: [[CaseSummary]] = []
    /// When set, the live list is this stream instead (a test yields the changes as it goes).
    var liveRows: AsyncStream<[CaseSummary]>?
    /// The core's filter of each live list asked for, in order.
    private(set) var filters: [CaseFilter] = []
    var onArchive: (CaseID) async throws -> Void = { _ in try unstubbed("archive") }
    var onRestore: (CaseID) async throws -> Void = { _ in try unstubbed("restore") }
    var onArchiveClosed: (Int) async throws -> Int = { _ in try unstubbed("archiveClosed") }
    /// Every archive, restore and "archive the closed cases" asked of the core, refused ones too.
    private(set) var archived: [CaseID] = []
    private(set) var restored: [CaseID] = []
    private(set) var archiveClosedDays: [Int] = []
    var conversations: [CaseID: FakeConversationService] = [:]
    var onDetails: (CaseID) async throws -> CaseStatusInfo? = { _ in try unstubbed("details") }
    var onAccept: (CaseID) async throws -> Void = { _ in try unstubbed("accept") }
    var onSetStatus: (CaseStatus, CaseID) async throws -> Void = { _, _ in try unstubbed("setStatus") }
    var onUnvouched: (CaseID) async throws -> [UnvouchedMember] = { _ in try unstubbed("unvouchedMembers") }
    /// How many times the screen asked who nobody can vouch for.
    var unvouchedChecks = 0
    var onConfirm: (UserID, CaseID) async throws -> Void = { _, _ in try unstubbed("confirmMember") }
    /// The members confirmed, in order.
    var confirmed: [(UserID, CaseID)] = []
    var onMembers: (CaseID) async throws -> [CaseMember] = { _ in try unstubbed("members") }
    /// How many times the screen asked who is in the case.
    var memberReads = 0
    var onBrief: (CaseID) async throws -> RequestBrief? = { _ in try unstubbed("requestBrief") }
    /// What the core decides for the doctor on a case: the screens show it as it comes.
    var onAllowed: (CaseID) async throws -> CaseActions = { _ in try unstubbed("allowedActions") }
    /// How many times the screen asked the core what the doctor may do.
    var allowedReads = 0
    /// Every invitation asked of the core, in order, refused ones too.
    var invited: [(UserID, CaseID)] = []
    /// The core's answer to an invitation: accepted unless a test scripts a refusal.
    var onInvite: (UserID, CaseID) async throws -> Void = { _, _ in }
    var onCreate: (NewCase) async throws -> CaseID = { _ in try unstubbed("create") }
    /// Every case asked of the core, in order, refused ones too.
    var created: [NewCase] = []
    /// The cases this account has on this device; any other id is `caseNotFound`, as in the core.
    var memberships: [CaseID: Membership] = [:]
    var declined: [CaseID] = []
    /// Whether the doctor muted a case, as the core reads it on the device.
    var onIsMuted: (CaseID) async throws -> Bool = { _ in try unstubbed("isMuted") }
    var onSetMuted: (Bool, CaseID) async throws -> Void = { _, _ in try unstubbed("setMuted") }
    /// The mutes and unmutes the core accepted, in order.
    var muteChanges: [(Bool, CaseID)] = []

    func caseRows(filter: CaseFilter) -> AsyncStream<[CaseSummary]> {
        filters.append(filter)
        if let liveRows { return liveRows }
        let updates = rowUpdates
        return AsyncStream { continuation in
            for rows in updates { continuation.yield(rows) }
            continuation.finish()
        }
    }

    func code(of id: CaseID) throws -> String { "IM-TEST01" }

    func membership(of id: CaseID) throws -> Membership {
        guard let membership = memberships[id] else { throw ServiceError.caseNotFound }
        return membership
    }
    func details(of id: CaseID) async throws -> CaseStatusInfo? { try await onDetails(id) }
    func header(of id: CaseID) async throws -> CaseHeader? { try unstubbed("header") }
    func accept(_ id: CaseID) async throws { try await onAccept(id) }
    func decline(_ id: CaseID) async throws { declined.append(id) }
    func isMuted(_ id: CaseID) async throws -> Bool { try await onIsMuted(id) }

    func setMuted(_ muted: Bool, of id: CaseID) async throws {
        try await onSetMuted(muted, id)
        muteChanges.append((muted, id))
    }

    func archive(_ id: CaseID) async throws {
        archived.append(id)
        try await onArchive(id)
    }

    func restore(_ id: CaseID) async throws {
        restored.append(id)
        try await onRestore(id)
    }

    func archiveClosed(olderThanDays days: Int) async throws -> Int {
        archiveClosedDays.append(days)
        return try await onArchiveClosed(days)
    }

    func create(_ newCase: NewCase) async throws -> CaseID {
        created.append(newCase)
        return try await onCreate(newCase)
    }

    func invite(_ user: UserID, to id: CaseID) async throws {
        invited.append((user, id))
        try await onInvite(user, id)
    }

    func setStatus(_ status: CaseStatus, of id: CaseID) async throws { try await onSetStatus(status, id) }

    func unvouchedMembers(of id: CaseID) async throws -> [UnvouchedMember] {
        unvouchedChecks += 1
        return try await onUnvouched(id)
    }

    func confirmMember(_ user: UserID, in id: CaseID) async throws {
        try await onConfirm(user, id)
        confirmed.append((user, id))
    }

    func members(of id: CaseID) async throws -> [CaseMember] {
        memberReads += 1
        return try await onMembers(id)
    }

    func requestBrief(of id: CaseID) async throws -> RequestBrief? { try await onBrief(id) }

    func allowedActions(of id: CaseID) async throws -> CaseActions {
        allowedReads += 1
        return try await onAllowed(id)
    }

    func conversation(for id: CaseID) async throws -> ConversationService {
        guard let conversation = conversations[id] else { return try unstubbed("conversation(\(id.rawValue))") }
        return conversation
    }
}
