import Foundation
@testable import InnomedServices

final class FakeSearchService: SearchService {
    /// The core's answer to a query, as a test scripts it.
    var onSearch: (String) async throws -> [SearchHit] = { _ in try unstubbed("search") }
    /// Every query asked of the core, in order.
    private(set) var queries: [String] = []
    /// The reports on the first reading of the cases; the stream ends after the last.
    var progressUpdates: [SearchProgress] = []

    func search(_ query: String) async throws -> [SearchHit] {
        queries.append(query)
        return try await onSearch(query)
    }

    func progress() -> AsyncStream<SearchProgress> {
        let updates = progressUpdates
        return AsyncStream { continuation in
            for progress in updates { continuation.yield(progress) }
            continuation.finish()
        }
    }
}
