import Combine
import Foundation
import InnomedServices

/// The CPTS directory (by specialty and name) and who is on duty now. The coordinator (as the
/// core says) also sees the join requests, corrects an entry and opens a care team. A doctor in
/// no joined CPTS may create one.
@MainActor
final class DirectoryViewModel: ObservableObject {
    @Published private(set) var spaces: [Cpts] = []
    @Published private(set) var selected: CptsID?
    @Published var specialty: String?
    @Published var name = ""
    @Published private(set) var members: [MemberEntry] = []
    @Published private(set) var onDuty: [MemberEntry] = []
    @Published private(set) var isLoading = false
    /// Whether the core says this doctor coordinates the chosen CPTS; a failure to say only
    /// means nothing of the coordinator's is offered.
    @Published private(set) var isCoordinator = false
    /// The coordinator's correction of an entry (the sheet), while open.
    @Published var editing: EntryEditViewModel?
    @Published var error: ServiceError?

    let specialties: [Specialty]
    private let directory: DirectoryService

    init(directory: DirectoryService) {
        self.directory = directory
        specialties = directory.specialties()
    }

    var selectedSpace: Cpts? {
        spaces.first { $0.id == selected }
    }

    /// The core lists no CPTS the doctor has joined: they may create one.
    var canCreateCpts: Bool {
        !spaces.contains(where: \.isJoined)
    }

    /// The CPTS a care team would be opened in: the one shown, joined, when the core says the
    /// doctor coordinates it; `nil` otherwise (nothing is offered).
    var careTeamCpts: Cpts? {
        guard isCoordinator, let space = selectedSpace, space.isJoined else { return nil }
        return space
    }

    func load() async {
        do {
            spaces = try directory.spaces()
            selected = selected ?? (spaces.first(where: \.isJoined) ?? spaces.first)?.id
        } catch {
            self.error = ServiceError.from(error)
        }
        await refresh()
    }

    func select(_ id: CptsID) async {
        selected = id
        await refresh()
    }

    /// The doctor created a CPTS: it is theirs, shown and read at once.
    func cptsCreated(_ cpts: Cpts) async {
        selected = cpts.id
        await load()
    }

    /// An invited doctor joins the CPTS to see its directory.
    func joinSelected() async {
        guard let selected else { return }
        do {
            try await directory.join(selected)
            await load()
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// Coordinator: opens the correction of a member's entry.
    func startEditing(_ member: MemberEntry) {
        guard isCoordinator, let space = selectedSpace else { return }
        editing = EntryEditViewModel(directory: directory, cpts: space.id, entry: member) { [weak self] _ in
            self?.editing = nil
            await self?.refresh()
        }
    }

    func refresh() async {
        guard let space = selectedSpace, space.isJoined else {
            members = []
            onDuty = []
            isCoordinator = false
            return
        }
        isCoordinator = (try? directory.isCoordinator(of: space.id)) ?? false
        isLoading = true
        defer { isLoading = false }
        let query = name.trimmingCharacters(in: .whitespaces)
        do {
            members = try await directory.search(in: space.id, specialty: specialty,
                                                 name: query.isEmpty ? nil : query)
            if let specialty {
                onDuty = try await directory.onDutyNow(in: space.id, specialty: specialty)
            } else {
                onDuty = []
            }
        } catch {
            self.error = ServiceError.from(error)
        }
    }
}
