import Combine
import Foundation
import InnomedServices

/// The coordinator's list of who asked to join the CPTS, each with the identity Pro Santé
/// Connect gave (read from the homeserver, never typed by the asker), to approve (choosing
/// the specialties served on duty) or refuse. Only the coordinator (as the core says) sees the
/// list: for any other member nothing is asked of the core. Whether an answer is accepted is
/// still the core's decision; the list is read again from the core after each answer.
@MainActor
final class JoinRequestsViewModel: ObservableObject {
    @Published private(set) var requests: [JoinRequest] = []
    /// Whether the core says this doctor coordinates the CPTS (only then is the list read).
    @Published private(set) var isCoordinator = false
    @Published private(set) var isLoading = false
    /// Set once the list was read (an empty list then says nobody waits).
    @Published private(set) var loaded = false
    /// The request an answer is being sent for.
    @Published private(set) var answering: UserID?
    /// The request being approved (the sheet), with its choices.
    @Published var approving: JoinRequest?
    @Published var chosenSpecialties: Set<String> = []
    @Published var retired = false
    /// The entry the core wrote for the last approval.
    @Published private(set) var approved: MemberEntry?
    @Published var error: ServiceError?

    let cpts: Cpts
    let specialties: [Specialty]
    private let directory: DirectoryService

    init(directory: DirectoryService, cpts: Cpts) {
        self.directory = directory
        self.cpts = cpts
        specialties = directory.specialties()
    }

    func load() async {
        isLoading = true
        defer { isLoading = false }
        do {
            isCoordinator = try directory.isCoordinator(of: cpts.id)
            if isCoordinator {
                requests = try await directory.joinRequests(in: cpts.id)
            } else {
                requests = []
            }
            loaded = true
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// Opens the approval sheet for a request, nothing chosen yet.
    func startApproving(_ request: JoinRequest) {
        chosenSpecialties = []
        retired = false
        approving = request
    }

    func toggle(_ specialty: Specialty) {
        if chosenSpecialties.contains(specialty.code) {
            chosenSpecialties.remove(specialty.code)
        } else {
            chosenSpecialties.insert(specialty.code)
        }
    }

    /// The core checks the rest (a physician needs a specialty, the identity must give a
    /// profession and an RPPS number): its refusal is shown as it says.
    var canConfirmApproval: Bool {
        approving != nil && answering == nil
    }

    /// Approves the request of the sheet with the chosen specialties, in the list's order.
    func confirmApproval() async {
        guard let request = approving, answering == nil else { return }
        let codes = specialties.map(\.code).filter(chosenSpecialties.contains)
        answering = request.userID
        error = nil
        do {
            approved = try await directory.approve(request.userID, in: cpts.id, specialties: codes,
                                                   retired: retired)
            approving = nil
            answering = nil
            await load()
        } catch {
            self.error = ServiceError.from(error)
            answering = nil
        }
    }

    func refuse(_ request: JoinRequest) async {
        guard answering == nil else { return }
        answering = request.userID
        error = nil
        do {
            try await directory.refuse(request.userID, in: cpts.id)
            answering = nil
            await load()
        } catch {
            self.error = ServiceError.from(error)
            answering = nil
        }
    }
}
