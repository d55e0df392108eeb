import Combine
import Foundation
import InnomedServices

/// One request nobody took within its window, with its people named from the directory.
struct UnansweredLine: Identifiable, Equatable {
    let alert: UnansweredRequest
    /// The GP who asked.
    let requester: DirectoryPerson
    /// Whom it went to next; empty: nobody else was on duty, the coordinator alone knows.
    let next: [DirectoryPerson]
    /// Its place in the core's list (a request may be alerted twice).
    let index: Int
    var id: Int { index }

    var toCoordinatorOnly: Bool { next.isEmpty }
}

/// The coordinator's "Demandes sans réponse": the requests of the CPTS nobody took within their
/// routing window, newest first as the core gives them, each with its case code, specialty,
/// urgency, the requesting GP, whom it went to next and when. Only the coordinator (as the core
/// says) sees them: for any other member nothing is asked of the core. Names come from the
/// directory; a directory that cannot be read leaves the user ids, not the alerts, unshown.
@MainActor
final class UnansweredRequestsViewModel: ObservableObject {
    @Published private(set) var alerts: [UnansweredRequest] = []
    @Published private(set) var names = DirectoryNames()
    /// Whether the core says this doctor coordinates the CPTS (only then are the alerts read).
    @Published private(set) var isCoordinator = false
    @Published private(set) var isLoading = false
    /// Set once the list was read (an empty list then says every request found a taker).
    @Published private(set) var loaded = false
    @Published var error: ServiceError?

    let cpts: Cpts
    let specialties: [Specialty]
    private let requests: RequestService
    private let directory: DirectoryService

    init(requests: RequestService, directory: DirectoryService, cpts: Cpts) {
        self.requests = requests
        self.directory = directory
        self.cpts = cpts
        specialties = directory.specialties()
    }

    /// The alerts in the core's order (newest first), named.
    var lines: [UnansweredLine] {
        alerts.enumerated().map { index, alert in
            UnansweredLine(alert: alert, requester: names.person(alert.requester),
                           next: alert.next.map { names.person($0) }, index: index)
        }
    }

    func load() async {
        isLoading = true
        defer { isLoading = false }
        do {
            isCoordinator = try directory.isCoordinator(of: cpts.id)
            guard isCoordinator else {
                alerts = []
                loaded = true
                return
            }
            let found = try await requests.unansweredRequests(in: cpts.id)
            let entries = try? await directory.search(in: cpts.id, specialty: nil, name: nil)
            alerts = found
            if let entries { names = DirectoryNames(entries) }
            error = nil
            loaded = true
        } catch {
            self.error = ServiceError.from(error)
        }
    }
}
