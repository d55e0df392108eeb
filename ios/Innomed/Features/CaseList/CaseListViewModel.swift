import Combine
import Foundation
import InnomedServices

@MainActor
final class CaseListViewModel: ObservableObject {
    @Published private(set) var invitations: [CaseSummary] = []
    @Published private(set) var cases: [CaseSummary] = []
    @Published private(set) var isLoading = true
    @Published private(set) var busy: CaseID?
    /// Deadline reminders of télé-expertise requests, each shown once.
    @Published private(set) var reminders: [DeadlineAlert] = []
    @Published var error: ServiceError?
    /// The chip picked: the core's filter the list follows.
    @Published private(set) var chip: CaseListChip = .all
    /// Archiving the closed cases at once, until the core answers.
    @Published private(set) var isArchivingClosed = false
    /// How many closed cases the last "archive the closed cases" put away, as the core counted.
    @Published private(set) var archivedClosedCount: Int?

    /// Closed cases idle this many days are archived together.
    static let archiveAfterDays = 30

    let specialties: [Specialty]
    private let service: CaseService
    private let requests: RequestService?

    init(cases: CaseService, directory: DirectoryService, requests: RequestService? = nil) {
        service = cases
        self.requests = requests
        specialties = directory.specialties()
    }

    /// Follows the live list through the chip's filter until the screen goes away or another
    /// chip is picked (the view starts it again then).
    func observe() async {
        let following = chip
        for await rows in service.caseRows(filter: following.filter) {
            // Rows of a chip no longer picked are left out, even before the view stops this.
            guard !Task.isCancelled, following == chip else { return }
            apply(rows)
        }
    }

    /// Picks a chip: the list waits for the core's rows through its filter.
    func select(_ chip: CaseListChip) {
        guard chip != self.chip else { return }
        self.chip = chip
        invitations = []
        cases = []
        isLoading = true
        archivedClosedCount = nil
    }

    var isArchive: Bool { chip == .archived }

    func apply(_ rows: [CaseSummary]) {
        invitations = rows.filter(\.isInvitation)
        cases = rows.filter { $0.membership == .joined }.sorted(by: isListedBefore)
        isLoading = false
    }

    /// The core hands each reminder out once; they stay on screen until dismissed.
    func loadReminders() async {
        guard let requests else { return }
        if let fresh = try? await requests.deadlineReminders(), !fresh.isEmpty {
            reminders.append(contentsOf: fresh)
        }
    }

    func dismissReminders() {
        reminders = []
    }

    /// The brief's specialty first: an invitation's row may not know it yet.
    func specialtyLabel(of row: CaseSummary) -> String? {
        specialties.label(for: row.brief?.specialty ?? row.specialty)
    }

    func accept(_ id: CaseID) async {
        await act(on: id) { try await self.service.accept(id) }
    }

    func decline(_ id: CaseID) async {
        await act(on: id) { try await self.service.decline(id) }
    }

    /// Offered on a closed case outside the archive; whether it may be archived is still the
    /// core's answer (`notClosed`).
    func canArchive(_ row: CaseSummary) -> Bool {
        row.status == .closed && !row.archived
    }

    func canRestore(_ row: CaseSummary) -> Bool {
        row.archived
    }

    func archive(_ id: CaseID) async {
        await act(on: id) { try await self.service.archive(id) }
    }

    func restore(_ id: CaseID) async {
        await act(on: id) { try await self.service.restore(id) }
    }

    /// Archives every case closed for `archiveAfterDays` days; the count is shown.
    func archiveClosedCases() async {
        guard !isArchivingClosed else { return }
        isArchivingClosed = true
        defer { isArchivingClosed = false }
        archivedClosedCount = nil
        do {
            archivedClosedCount = try await service.archiveClosed(olderThanDays: Self.archiveAfterDays)
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    private func act(on id: CaseID, _ body: () async throws -> Void) async {
        busy = id
        defer { busy = nil }
        do {
            try await body()
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// Requests by where the core says they stand (overdue, due soon, on time), then cases without
    /// a deadline, then the ones done with (a request's deadline done, a case between colleagues
    /// answered or closed); within each, the soonest due first, then the most recent activity.
    private func isListedBefore(_ a: CaseSummary, _ b: CaseSummary) -> Bool {
        let (aRank, bRank) = (rank(a), rank(b))
        if aRank != bRank { return aRank < bRank }
        switch (a.due, b.due) {
        case let (aDue?, bDue?) where aDue != bDue: return aDue < bDue
        case (.some, .none): return true
        case (.none, .some): return false
        default: return (a.lastActivity ?? .distantPast) > (b.lastActivity ?? .distantPast)
        }
    }

    private func rank(_ row: CaseSummary) -> Int {
        switch row.deadline?.state {
        case .overdue: return 0
        case .dueSoon: return 1
        case .onTime: return 2
        case .done: return 4
        case nil: return row.status == .answered || row.status == .closed ? 4 : 3
        }
    }
}

extension CaseSummary {
    /// Who invited the doctor, as a row names them: the core's name (CPTS directory, else
    /// profile, else the user id), else, when the core gave none, the id's local part.
    var inviterLabel: String? {
        if let name = inviterName?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty {
            return name
        }
        return inviter?.localPart
    }

    /// Who asks, on a routed request's brief: the inviter's name when the doctor who asked is the
    /// one who invited (the core believes an invitation's brief only then), else the id's local
    /// part; `nil` without a brief.
    var askedByLabel: String? {
        guard let brief else { return nil }
        if brief.requester == inviter, let label = inviterLabel { return label }
        return brief.requester.localPart
    }

    /// The "invited by" line is left out when the brief already names the same doctor as asking.
    var showsInviterApart: Bool {
        inviter != nil && (brief == nil || brief?.requester != inviter)
    }
}
