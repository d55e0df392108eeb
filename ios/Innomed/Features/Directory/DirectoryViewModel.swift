import Combine
import Foundation
import InnomedServices

/// The CPTS directory (by specialty and name) and who is on duty now.
@MainActor
final class DirectoryViewModel: ObservableObject {
    @Published private(set) var spaces: [Cpts] = []
    @Published private(set) var selected: CptsID?
    @Published var specialty: String?
    @Published var name = ""
    @Published private(set) var members: [MemberEntry] = []
    @Published private(set) var onDuty: [MemberEntry] = []
    @Published private(set) var isLoading = false
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

    func refresh() async {
        guard let space = selectedSpace, space.isJoined else {
            members = []
            onDuty = []
            return
        }
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
