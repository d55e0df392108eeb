import Foundation
import InnomedFFI

final class RustCaseService: CaseService, @unchecked Sendable {
    private let client: Client

    init(client: Client) {
        self.client = client
    }

    func caseRows(filter: CaseFilter) -> AsyncStream<[CaseSummary]> {
        let coreFilter = filter.rustValue
        return AsyncStream { continuation in
            let list = LiveList<InnomedFFI.CaseSummary>()
            let listener = CaseListBridge { diffs in
                let summaries = list.apply(diffs.map { ListOp(rustValue: $0) })
                continuation.yield(summaries.map(CaseSummary.init(rustValue:)))
            }
            do {
                // The core applies the filter (the main list leaves the archive out).
                let handle = try client.subscribeCasesFiltered(filter: coreFilter, listener: listener)
                continuation.onTermination = { _ in handle.cancel() }
            } catch {
                Log.cases.error("case list unavailable: \(ServiceError(rust: error).code, privacy: .public)")
                continuation.finish()
            }
        }
    }

    func code(of id: CaseID) throws -> String {
        try mapErrorsSync { try client.caseRoom(id).code() }
    }

    func membership(of id: CaseID) throws -> Membership {
        try mapErrorsSync { Membership(rustValue: try client.caseRoom(id).membership()) }
    }

    func details(of id: CaseID) async throws -> CaseStatusInfo? {
        let status = try await mapErrors { try await client.caseRoom(id).status() }
        return status.map(CaseStatusInfo.init(rustValue:))
    }

    func header(of id: CaseID) async throws -> CaseHeader? {
        let header = try await mapErrors { try await client.caseRoom(id).header() }
        return header.map(CaseHeader.init(rustValue:))
    }

    func accept(_ id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).accept() }
    }

    func decline(_ id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).decline() }
    }

    func isMuted(_ id: CaseID) async throws -> Bool {
        // Only finding the case can fail: the core reads the account's rules on the device.
        let room = try mapErrorsSync { try client.caseRoom(id) }
        return await room.isMuted()
    }

    func setMuted(_ muted: Bool, of id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).setMuted(muted: muted) }
    }

    func archive(_ id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).archive() }
    }

    func restore(_ id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).restore() }
    }

    func archiveClosed(olderThanDays days: Int) async throws -> Int {
        let archived = try await mapErrors {
            try await client.archiveClosedOlderThan(days: UInt32(clamping: max(0, days)))
        }
        return Int(archived)
    }

    func create(_ newCase: NewCase) async throws -> CaseID {
        let room = try await mapErrors { try await client.createCase(newCase: newCase.rustValue) }
        Log.cases.info("case opened \(room.roomId(), privacy: .public)")
        return CaseID(room.roomId())
    }

    func invite(_ user: UserID, to id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).invite(userId: user.rawValue) }
    }

    func setStatus(_ status: CaseStatus, of id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).setStatus(status: status.rustValue) }
    }

    func unvouchedMembers(of id: CaseID) async throws -> [UnvouchedMember] {
        let members = try await mapErrors { try await client.caseRoom(id).unvouchedMembers() }
        return members.map(UnvouchedMember.init(rustValue:))
    }

    func confirmMember(_ user: UserID, in id: CaseID) async throws {
        try await mapErrors { try await client.caseRoom(id).confirmMember(userId: user.rawValue) }
    }

    func members(of id: CaseID) async throws -> [CaseMember] {
        let members = try await mapErrors { try await client.caseRoom(id).members() }
        return members.map(CaseMember.init(rustValue:))
    }

    func requestBrief(of id: CaseID) async throws -> RequestBrief? {
        // Only finding the case can fail: the brief itself is there or not.
        let room = try mapErrorsSync { try client.caseRoom(id) }
        let brief = await room.requestBrief()
        return brief.map(RequestBrief.init(rustValue:))
    }

    func allowedActions(of id: CaseID) async throws -> CaseActions {
        let decided = try await mapErrors { try await client.caseRoom(id).allowedActions() }
        return CaseActions(rustValue: decided)
    }

    func conversation(for id: CaseID) async throws -> ConversationService {
        let conversation = try await mapErrors { try await client.caseRoom(id).conversation() }
        return RustConversationService(conversation: conversation)
    }
}
