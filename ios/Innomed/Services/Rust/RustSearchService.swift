import Foundation
import InnomedFFI

/// Search through the core's encrypted index of the cases on this device. Neither the query nor
/// a result is logged.
final class RustSearchService: SearchService, @unchecked Sendable {
    private let client: Client

    init(client: Client) {
        self.client = client
    }

    func search(_ query: String) async throws -> [SearchHit] {
        let hits = try await mapErrors { try await client.search(query: query) }
        return hits.map(SearchHit.init(rustValue:))
    }

    func progress() -> AsyncStream<SearchProgress> {
        AsyncStream { continuation in
            let listener = SearchProgressBridge { progress in
                let step = SearchProgress(rustValue: progress)
                continuation.yield(step)
                if step.done { continuation.finish() }
            }
            do {
                let handle = try client.subscribeSearchProgress(listener: listener)
                continuation.onTermination = { _ in handle.cancel() }
            } catch {
                Log.cases.error("search progress unavailable: \(ServiceError(rust: error).code, privacy: .public)")
                continuation.finish()
            }
        }
    }
}

// The models of this module carry the core's names, so the generated ones are written with
// their module here.

extension HitKind {
    init(rustValue: InnomedFFI.HitKind) {
        switch rustValue {
        case .`case`: self = .caseItself
        case .header: self = .header
        case .message: self = .message
        case .photo: self = .photo
        case .document: self = .document
        case .advice: self = .advice
        case .closure: self = .closure
        }
    }
}

extension SearchHit {
    init(rustValue h: InnomedFFI.SearchHit) {
        self.init(caseID: CaseID(h.roomId), code: h.code, event: h.eventId.map(EventID.init),
                  kind: HitKind(rustValue: h.kind), sender: h.sender.map(UserID.init),
                  date: Date(milliseconds: h.timestampMs),
                  snippet: h.snippet.map { SnippetPart(text: $0.text, matched: $0.matched) })
    }
}

extension SearchProgress {
    init(rustValue p: InnomedFFI.SearchProgress) {
        self.init(indexedCases: Int(p.indexedCases), totalCases: Int(p.totalCases), done: p.done)
    }
}
