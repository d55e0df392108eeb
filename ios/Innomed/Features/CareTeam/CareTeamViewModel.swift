import Combine
import Foundation
import InnomedServices

/// The coordinator opens a care team: a shared case for a patient followed by several
/// professionals of the CPTS (nurse, pharmacist, physicians…). The header is a request's
/// (`HeaderDraft`); the members are picked from the directory as the core searches it (typing
/// waits for a pause). Empty fields keep the button off; everything else (the header's rules,
/// who may be in it) is the core's answer, shown with what was typed and picked kept. Once open,
/// `created` is the case the app opens.
@MainActor
final class CareTeamViewModel: ObservableObject {
    /// Any change clears the last refusal.
    @Published var draft = HeaderDraft() {
        didSet { error = nil }
    }
    /// Part of a name, to find professionals in the directory.
    @Published var query = ""
    /// The directory as the core lists it for `query`, in French order, without the doctor.
    @Published private(set) var results: [MemberEntry] = []
    @Published private(set) var isSearching = false
    /// Reading the directory failed: said, with a retry.
    @Published private(set) var searchError: ServiceError?
    /// The professionals picked, in the order they were picked.
    @Published private(set) var members: [MemberEntry] = []
    @Published private(set) var isSubmitting = false
    /// The core's refusal of the care team; what was typed and picked stays.
    @Published var error: ServiceError?
    /// The care team once open: the app opens its case.
    @Published private(set) var created: CaseID?

    /// The CPTS the team belongs to (the directory's, which the doctor coordinates).
    let cpts: Cpts
    let specialties: [Specialty]
    private let requests: RequestService
    private let directory: DirectoryService
    /// The signed-in doctor: they open the team, so they are not offered as a member of it.
    private let me: UserID
    private let typingPause: UInt64

    /// `typingPause`: how long typing waits before the directory is read (nanoseconds).
    init(session: UserSession, cpts: Cpts, typingPause: UInt64 = 300_000_000) {
        requests = session.requests
        directory = session.directory
        me = session.account.userID
        specialties = session.directory.specialties()
        self.cpts = cpts
        self.typingPause = typingPause
    }

    /// A label, an age band, a question and a member; the rest is the core's to check.
    var canSubmit: Bool {
        !isSubmitting && created == nil && draft.isFilled && !members.isEmpty
    }

    /// Words of this screen for a member the core no longer finds in the directory; the core's
    /// own words for any other refusal.
    var errorKey: String? {
        guard let error else { return nil }
        return error == .notInDirectory ? "careTeam.notInDirectory" : error.localizationKey
    }

    func isPicked(_ entry: MemberEntry) -> Bool {
        members.contains { $0.userID == entry.userID }
    }

    /// Picks a professional for the team, or takes them off it.
    func toggle(_ entry: MemberEntry) {
        guard !isSubmitting, created == nil else { return }
        if isPicked(entry) {
            members.removeAll { $0.userID == entry.userID }
        } else {
            members.append(entry)
        }
        error = nil
    }

    /// Reads the directory for `query`; with `pausing`, once the doctor pauses typing (the view
    /// starts this at each change, which cancels the previous one). The members picked stay.
    func search(pausing: Bool = true) async {
        if pausing && typingPause > 0 {
            try? await Task.sleep(nanoseconds: typingPause)
            guard !Task.isCancelled else { return }
        }
        let name = query.trimmingCharacters(in: .whitespacesAndNewlines)
        isSearching = true
        searchError = nil
        do {
            let found = try await directory.search(in: cpts.id, specialty: nil, name: name.isEmpty ? nil : name)
            guard !Task.isCancelled else { return }
            results = found.filter { $0.userID != me }.sorted(by: inFrenchOrder)
        } catch {
            guard !Task.isCancelled else { return }
            searchError = ServiceError.from(error)
        }
        isSearching = false
    }

    /// Opens the team with the header and the members in the order picked, once.
    func submit() async {
        guard canSubmit, let header = draft.header else { return }
        isSubmitting = true
        error = nil
        do {
            created = try await requests.openCareTeam(header, members: members.map(\.userID), in: cpts.id)
        } catch {
            self.error = ServiceError.from(error)
        }
        isSubmitting = false
    }
}

private let french = Locale(identifier: "fr_FR")

/// Names as a French reader orders them: "Élodie" before "Eric".
private func inFrenchOrder(_ first: MemberEntry, _ second: MemberEntry) -> Bool {
    first.displayName.compare(second.displayName, options: [.caseInsensitive], locale: french) == .orderedAscending
}
