import Foundation
import InnomedServices

@MainActor
final class CaseListViewModel: ObservableObject {
    @Published private(set) var invitations: [CaseRow] = []
    @Published private(set) var cases: [CaseRow] = []
    @Published private(set) var isLoading = true
    @Published private(set) var busy: CaseID?
    /// Deadline reminders of télé-expertise requests, each shown once.
    @Published private(set) var reminders: [DeadlineReminder] = []
    @Published var error: ServiceError?

    let specialties: [SpecialtyOption]
    private let service: CaseService
    private let requests: RequestService?
    private let now: () -> Date

    init(cases: CaseService, directory: DirectoryService, requests: RequestService? = nil,
         now: @escaping () -> Date = Date.init) {
        service = cases
        self.requests = requests
        specialties = directory.specialties()
        self.now = now
    }

    /// Follows the live list until the screen goes away.
    func observe() async {
        for await rows in service.caseRows() {
            apply(rows)
        }
    }

    func apply(_ rows: [CaseRow]) {
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

    func deadline(of row: CaseRow) -> DeadlineStatus? {
        row.deadline(now: now())
    }

    /// The brief's specialty first: an invitation's row may not know it yet.
    func specialtyLabel(of row: CaseRow) -> String? {
        specialties.label(for: row.brief?.specialty ?? row.specialty)
    }

    func accept(_ id: CaseID) async {
        await act(on: id) { try await self.service.accept(id) }
    }

    func decline(_ id: CaseID) async {
        await act(on: id) { try await self.service.decline(id) }
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

    /// Open cases first, the overdue and soonest due first, then the most recent activity.
    private func isListedBefore(_ a: CaseRow, _ b: CaseRow) -> Bool {
        let aOpen = a.progress?.isFinished != true
        let bOpen = b.progress?.isFinished != true
        if aOpen != bOpen { return aOpen }
        switch (a.due, b.due) {
        case let (aDue?, bDue?) where aDue != bDue: return aDue < bDue
        case (.some, .none): return true
        case (.none, .some): return false
        default: return (a.lastActivity ?? .distantPast) > (b.lastActivity ?? .distantPast)
        }
    }
}
