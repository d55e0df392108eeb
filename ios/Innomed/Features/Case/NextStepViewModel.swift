import Combine
import Foundation
import InnomedServices

/// The next step of a request, as the card shows it: where it stands, when, and whom it invites
/// (named from the CPTS directory; none: the coordinator alone is alerted).
struct NextStepLine: Equatable {
    let state: NextStepState
    let at: Date
    let specialists: [DirectoryPerson]

    /// Nobody else on duty: the step alerts only the coordinator.
    var toCoordinatorOnly: Bool { specialists.isEmpty }
}

/// On the GP's request: if nobody takes it within the CPTS's window, the homeserver invites the
/// next specialists on duty in the GP's name and alerts the coordinator. The core plans, sends
/// and cancels that step; this shows what it says (planned, sent, cancelled), read again with
/// the case. The core gives one only on the GP's device: on any other, or for any other case,
/// there is nothing to show. The names come from the CPTS's directory, read once.
@MainActor
final class NextStepViewModel: ObservableObject {
    /// The core's next step, as last read; `nil`: none (or not read yet).
    @Published private(set) var step: NextStep?
    /// The directory's entries that name the specialists.
    @Published private(set) var names = DirectoryNames()

    let caseID: CaseID
    private let requests: RequestService
    private let directory: DirectoryService
    /// The latest read: an older answer arriving late does not replace a newer one.
    private var read = 0
    /// The CPTS and the specialists the directory was last read for (successfully).
    private var namesRead: (cpts: CptsID, users: [UserID])?

    init(requests: RequestService, directory: DirectoryService, caseID: CaseID) {
        self.requests = requests
        self.directory = directory
        self.caseID = caseID
    }

    /// The card's line; `nil` when the core gives no next step.
    var line: NextStepLine? {
        guard let step else { return nil }
        return NextStepLine(state: step.state, at: step.at, specialists: step.specialists.map { names.person($0) })
    }

    /// Reads the next step again (the case shows, its rows change: an invitation sent, a take);
    /// `cpts` is the request's CPTS, whose directory names the specialists. A failed read keeps
    /// the last answer, without an error: the card is the core's note, not an action.
    func refresh(in cpts: CptsID?) async {
        read += 1
        let current = read
        let found: NextStep?
        do {
            found = try await requests.nextStep(of: caseID)
        } catch {
            return
        }
        guard current == read else { return }
        step = found
        if let found, let cpts { await readNames(in: cpts, for: found.specialists) }
    }

    /// How long until a planned step is due (a few seconds after its time, for the homeserver to
    /// send it); `nil` when nothing is planned. A step that goes only to the coordinator changes
    /// nothing in the case, so the screen reads it again then.
    func delayUntilDue(now: Date = Date()) -> TimeInterval? {
        guard let step, step.state == .planned else { return nil }
        return min(max(0, step.at.timeIntervalSince(now) + Self.dueGrace), Self.longestWait)
    }

    /// After a step's time, before it is read again.
    static let dueGrace: TimeInterval = 5
    /// No window is as long as a week (the routine deadline): a later time is not waited for.
    static let longestWait: TimeInterval = 7 * 24 * 3600

    /// The directory once for these specialists; again only if others come, or the last read
    /// failed (they are shown by user id meanwhile).
    private func readNames(in cpts: CptsID, for users: [UserID]) async {
        guard !users.isEmpty, !names.knowsAll(users) else { return }
        if let done = namesRead, done.cpts == cpts, done.users == users { return }
        do {
            let entries = try await directory.search(in: cpts, specialty: nil, name: nil)
            names = DirectoryNames(entries)
            namesRead = (cpts, users)
        } catch {
            return
        }
    }
}
