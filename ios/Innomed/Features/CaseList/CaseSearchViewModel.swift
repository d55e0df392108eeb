import Combine
import Foundation
import InnomedServices

/// One result as the case list shows it: the case's code, what matched (its words' key), the
/// date and the text around the matched words.
struct CaseSearchResult: Identifiable, Equatable {
    /// Its place in the core's answer (best first); results are replaced as a whole.
    let id: Int
    let caseID: CaseID
    let code: String
    let kindKey: String
    let date: Date
    let snippet: [SnippetPart]

    init(position: Int, hit: SearchHit) {
        id = position
        caseID = hit.caseID
        code = hit.code
        kindKey = hit.kind.labelKey
        date = hit.date
        snippet = hit.snippet
    }
}

/// What the search shows instead of the list while something is typed.
enum CaseSearchOutcome: Equatable {
    /// Typed, nothing back yet.
    case waiting
    case results([CaseSearchResult])
    /// Nothing the core can look for (punctuation, too common words): a hint, not an error.
    case typeAWord
    case failed(ServiceError)
}

/// The search field of the case list: typing searches once the doctor pauses (each keystroke
/// cancels the search waiting before it), through the core's index of the cases on this device.
/// While the first reading of the cases runs, how far it is.
@MainActor
final class CaseSearchViewModel: ObservableObject {
    /// What is typed; each change schedules a search after the pause.
    @Published var query = "" {
        didSet { if query != oldValue { schedule() } }
    }
    /// `nil` while nothing is typed: the list shows.
    @Published private(set) var outcome: CaseSearchOutcome?
    @Published private(set) var isSearching = false
    /// The first reading of the cases, while it runs; `nil` once done (or not known yet).
    @Published private(set) var indexing: SearchProgress?

    private let service: SearchService
    private let typingPause: UInt64
    private var pending: Task<Void, Never>?

    /// `typingPause`: how long typing waits before the core is asked (nanoseconds).
    init(search: SearchService, typingPause: UInt64 = 300_000_000) {
        service = search
        self.typingPause = typingPause
    }

    var isActive: Bool { outcome != nil }

    /// "Indexation des dossiers : 12 / 40" while the first reading runs.
    var indexingText: String? {
        indexing.map { L10n.format("search.indexing", $0.indexedCases, $0.totalCases) }
    }

    /// Follows the first reading of the cases until it is done or the screen goes away.
    func followProgress() async {
        for await progress in service.progress() {
            indexing = progress.done ? nil : progress
        }
    }

    /// Waits for the search scheduled last, if any (its pause, then the core's answer).
    func settle() async {
        await pending?.value
    }

    private func schedule() {
        pending?.cancel()
        let typed = query
        guard !typed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            pending = nil
            outcome = nil
            isSearching = false
            return
        }
        if outcome == nil { outcome = .waiting }
        isSearching = true
        let pause = typingPause
        pending = Task { [weak self] in
            if pause > 0 { try? await Task.sleep(nanoseconds: pause) }
            guard !Task.isCancelled else { return }
            await self?.run(typed)
        }
    }

    /// Asks the core; an answer for a query typed over since is dropped.
    private func run(_ typed: String) async {
        let answer: CaseSearchOutcome
        do {
            let hits = try await service.search(typed)
            answer = .results(hits.enumerated().map { CaseSearchResult(position: $0.offset, hit: $0.element) })
        } catch {
            let failure = ServiceError.from(error)
            answer = failure == .nothingToSearch ? .typeAWord : .failed(failure)
        }
        guard !Task.isCancelled, typed == query else { return }
        outcome = answer
        isSearching = false
    }
}
