import Foundation

/// The case list and the actions on one case that do not need its conversation.
public protocol CaseService: AnyObject {
    /// The case list through the core's filter, live: the whole list now, then each change
    /// (`CaseFilter.main`: every case but the archived ones; `CaseFilter.archive`: the archive).
    func caseRows(filter: CaseFilter) -> AsyncStream<[CaseSummary]>

    func code(of id: CaseID) throws -> String
    /// Throws `caseNotFound` or `notACase` when this account has no such case on this device.
    func membership(of id: CaseID) throws -> Membership
    func details(of id: CaseID) async throws -> CaseStatusInfo?
    func header(of id: CaseID) async throws -> CaseHeader?

    func accept(_ id: CaseID) async throws
    func decline(_ id: CaseID) async throws

    /// Whether the doctor muted this case: none of their phones rings for it (read on this
    /// device, no network). Throws only when this account has no such case here.
    func isMuted(_ id: CaseID) async throws -> Bool

    /// Mutes the case (`true`) or lets it notify again (`false`), on every device of the doctor;
    /// it stays in the list with its unread count, deadline and reminders. Needs the homeserver:
    /// offline it throws `homeserverUnreachable` and nothing changes.
    func setMuted(_ muted: Bool, of id: CaseID) async throws

    /// Puts a closed case in the archive (on this doctor's devices): the main list leaves it
    /// out until something new arrives in it. Throws `notClosed` for any other case.
    func archive(_ id: CaseID) async throws

    /// Brings a case back from the archive into the main list.
    func restore(_ id: CaseID) async throws

    /// Archives every closed case with nothing new for `days` days; returns how many.
    func archiveClosed(olderThanDays days: Int) async throws -> Int

    /// Opens a case between colleagues, without a CPTS (encrypted, invitation only, its header
    /// sent encrypted); nobody else is in it yet. The core refuses a header it does not accept
    /// (`invalidHeader`, said in its own words).
    func create(_ newCase: NewCase) async throws -> CaseID

    /// Invites a colleague, who can read what was sent before the invitation.
    func invite(_ user: UserID, to id: CaseID) async throws

    /// Marks a case answered or closed. Only the doctor who opened it may (`notAllowed` for
    /// anyone else; the homeserver refuses too).
    func setStatus(_ status: CaseStatus, of id: CaseID) async throws

    /// Members nobody can vouch for (joined without a member's invitation, or without a
    /// cross-signing identity); their messages show as untrusted. Asks the homeserver.
    func unvouchedMembers(of id: CaseID) async throws -> [UnvouchedMember]

    /// Confirms a member this doctor has not verified and their CPTS has not attested, for the
    /// identity they have now: the case is written into again (a request they took is handed
    /// over). Only when the core allows `confirmMember`.
    func confirmMember(_ user: UserID, in id: CaseID) async throws

    /// Who is in the case or invited to it (and who left), named as the CPTS directory names
    /// them, else by their profile, else by their user id.
    func members(of id: CaseID) async throws -> [CaseMember]

    /// The brief of a request this specialist was routed to, from the GP who asked; `nil` for
    /// any other case, or until it arrives.
    func requestBrief(of id: CaseID) async throws -> RequestBrief?

    /// What the doctor may do with this case now, as the core decides it: role, actions, why a
    /// request waits for its hand-over (nobody writes into it until then) and its deadline. The
    /// screens show these; they decide nothing themselves.
    func allowedActions(of id: CaseID) async throws -> CaseActions

    /// The conversation of a joined case.
    func conversation(for id: CaseID) async throws -> ConversationService
}

extension CaseService {
    /// The main list, live: every case but the archived ones.
    public func caseRows() -> AsyncStream<[CaseSummary]> {
        caseRows(filter: .main)
    }
}
