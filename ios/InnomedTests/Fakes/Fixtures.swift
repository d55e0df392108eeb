import Foundation
@testable import InnomedServices

enum Fixtures {
    static let gp = UserID("@dr.martin:cpts.test")
    static let dermatologist = UserID("@dr.benali:cpts.test")
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func session(account user: UserID = gp, cases: FakeCaseService = FakeCaseService(),
                        requests: FakeRequestService = FakeRequestService(),
                        directory: FakeDirectoryService = FakeDirectoryService(),
                        trust: FakeTrustService = FakeTrustService(),
                        search: FakeSearchService = FakeSearchService()) -> UserSession {
        UserSession(account: Account(userID: user, deviceID: "PHONE1"), cases: cases, requests: requests,
                    directory: directory, trust: trust, search: search)
    }

    /// A row; `deadline` is where the core says a request stands (its due date is the row's).
    /// `archived`, `askedByMe` and `waitingForMe` are the core's flags, given as it would.
    static func row(_ id: String, membership: Membership = .joined, status: CaseStatus? = .open,
                    urgency: Urgency = .routine, due: Date? = nil, deadline: DeadlineState? = nil,
                    activity: Date? = nil, unread: Int = 0, muted: Bool = false,
                    inviterName: String? = nil, brief: RequestBrief? = nil, archived: Bool = false,
                    askedByMe: Bool = false, waitingForMe: Bool = false) -> CaseSummary {
        CaseSummary(id: CaseID(id), code: "IM-\(id)", membership: membership, status: status,
                    specialty: "dermatology", urgency: urgency, due: due,
                    deadline: deadline.flatMap { state in due.map { Deadline(state: state, due: $0) } },
                    cptsID: nil, lastMessage: nil, lastActivity: activity, unread: unread, muted: muted,
                    inviter: membership == .invited ? gp : nil, inviterName: inviterName, brief: brief,
                    archived: archived, askedByMe: askedByMe, waitingForMe: waitingForMe)
    }

    /// `trust`: as the core gives it, the doctor themself verified, a colleague as first seen
    /// (pass `TrustLevel.none`, never `.none`, which is `nil` here).
    static func message(_ id: String, from sender: UserID = dermatologist, body: MessageKind,
                        trust: TrustLevel? = nil) -> ConversationEntry {
        ConversationEntry(id: id, content: .message(CaseMessage(
            handle: .event(EventID(id)), sender: sender, isOwn: sender == gp, date: now, body: body,
            inReplyTo: nil, edited: false, sharedBy: nil, delivery: .sent, readBy: [],
            trust: trust ?? (sender == gp ? .verified : .unverified))))
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString, isDirectory: true)
    }
}
