import Combine
import Foundation
import InnomedServices

/// The coordinator's "CPTS partenaires": the neighbouring CPTS this one declared, each with
/// whether it declared this one too (the core's `agreed`: then, when nobody is on duty here,
/// requests go to its specialists on duty). The coordinator (as the core says) declares a
/// partner by its space id and its coordinator's user id, or confirms one that declared this
/// CPTS first, and withdraws one; what is typed is sent as it is (trimmed): whether it names a
/// partner is the core's to say, and its refusal is shown in words, what was typed kept. Every
/// member may read the list; nobody else changes it.
@MainActor
final class PartnersViewModel: ObservableObject {
    /// The partners as the core last gave them.
    @Published private(set) var partners: [PartnerCpts] = []
    @Published private(set) var isCoordinator = false
    @Published private(set) var isLoading = false
    /// Set once the list was read (an empty list then says there is no partner).
    @Published private(set) var loaded = false
    /// The partner's space id, as typed.
    @Published var spaceID = ""
    /// The partner's coordinator's user id, as typed.
    @Published var coordinator = ""
    /// A declaration is on its way: the form waits.
    @Published private(set) var declaring = false
    /// The partner being withdrawn: the list waits.
    @Published private(set) var withdrawing: CptsID?
    /// The partner the core gave for the last declaration (said until the next change).
    @Published private(set) var declared: PartnerCpts?
    @Published var error: ServiceError?

    let cpts: Cpts
    private let directory: DirectoryService

    init(directory: DirectoryService, cpts: Cpts) {
        self.directory = directory
        self.cpts = cpts
    }

    private var busy: Bool { declaring || withdrawing != nil }

    var canEdit: Bool { isCoordinator && loaded && !busy }

    /// Whether the ids name a partner is the core's answer; here only both typed.
    var canDeclare: Bool {
        canEdit && !Self.trimmed(spaceID).isEmpty && !Self.trimmed(coordinator).isEmpty
    }

    /// The core's refusal in words; this screen's own where the general words would mislead
    /// (who may declare, an id that names no other CPTS, a server out of reach).
    var errorKey: String? {
        guard let error else { return nil }
        switch error {
        case .coordinatorOnly, .notAllowed: return "partners.error.coordinatorOnly"
        case .notAPartner: return "partners.error.notAPartner"
        case .outsideNetwork: return "partners.error.outsideNetwork"
        default: return error.localizationKey
        }
    }

    func load() async {
        isLoading = true
        defer { isLoading = false }
        do {
            let coordinator = try directory.isCoordinator(of: cpts.id)
            let read = try await directory.partners(cptsID: cpts.id)
            isCoordinator = coordinator
            partners = read
            loaded = true
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// Declares the partner typed (or confirms one that declared this CPTS first), then shows
    /// the core's list read again; refused, the error says why and what was typed stays.
    func declare() async {
        guard canDeclare else { return }
        let space = CptsID(Self.trimmed(spaceID))
        let user = UserID(Self.trimmed(coordinator))
        declaring = true
        declared = nil
        error = nil
        defer { declaring = false }
        let partner: PartnerCpts
        do {
            partner = try await directory.declarePartner(cptsID: cpts.id, spaceID: space, coordinator: user)
        } catch {
            self.error = ServiceError.from(error)
            return
        }
        declared = partner
        spaceID = ""
        coordinator = ""
        do {
            partners = try await directory.partners(cptsID: cpts.id)
        } catch {
            // Declared: the core's answer stands in the list until the next read.
            partners = partners.filter { $0.spaceID != partner.spaceID } + [partner]
        }
    }

    /// Ends a partnership, then shows the core's list read again.
    func withdraw(_ partner: PartnerCpts) async {
        guard canEdit else { return }
        withdrawing = partner.spaceID
        declared = nil
        error = nil
        defer { withdrawing = nil }
        do {
            try await directory.withdrawPartner(cptsID: cpts.id, spaceID: partner.spaceID)
        } catch {
            self.error = ServiceError.from(error)
            return
        }
        do {
            partners = try await directory.partners(cptsID: cpts.id)
        } catch {
            // Withdrawn: gone from the list until the next read.
            partners.removeAll { $0.spaceID == partner.spaceID }
        }
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
