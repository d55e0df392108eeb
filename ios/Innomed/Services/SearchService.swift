import Foundation

/// Searching the cases on this device: the core keeps an encrypted index of them (header,
/// messages, captions, document titles, advice, closure, members, specialty) and answers
/// without the network.
public protocol SearchService: AnyObject {
    /// The results for what was typed, best first, the matched words marked. Throws
    /// `nothingToSearch` (empty, punctuation, or only words too common to look for),
    /// `queryTooLong`, or `searchUnavailable` (the index cannot be read now).
    func search(_ query: String) async throws -> [SearchHit]

    /// Where the first reading of the cases stands, then each change; the stream ends once it
    /// is done (at once when it already is).
    func progress() -> AsyncStream<SearchProgress>
}
