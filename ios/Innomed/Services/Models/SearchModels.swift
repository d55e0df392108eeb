import Foundation

/// What a search result is, as the core indexed it (its `HitKind`).
public enum HitKind: String, CaseIterable, Sendable {
    /// The case itself: its code, specialty and members (the core's `Case`).
    case caseItself
    /// The header: patient label, reason, question.
    case header
    case message
    /// A photo's caption.
    case photo
    /// A document's title.
    case document
    case advice
    case closure
}

/// A piece of a result's text; the words that matched the query are `matched`.
public struct SnippetPart: Equatable, Sendable {
    public let text: String
    public let matched: Bool

    public init(text: String, matched: Bool) {
        self.text = text
        self.matched = matched
    }
}

/// One result of a search across the cases on this device: the case (and the message) it points
/// to, and the text around the matched words. Decrypted on this device; shown in the app, never
/// logged.
public struct SearchHit: Equatable, Sendable {
    public let caseID: CaseID
    /// The case's code (`IM-7K2QX9`).
    public let code: String
    /// The message the result is in; `nil` when the case itself matched.
    public let event: EventID?
    public let kind: HitKind
    public let sender: UserID?
    public let date: Date
    public let snippet: [SnippetPart]

    public init(caseID: CaseID, code: String, event: EventID?, kind: HitKind, sender: UserID?,
                date: Date, snippet: [SnippetPart]) {
        self.caseID = caseID
        self.code = code
        self.event = event
        self.kind = kind
        self.sender = sender
        self.date = date
        self.snippet = snippet
    }
}

/// Where the first reading of the cases into the search index stands (cases joined before this
/// device indexed them); once `done`, the index follows sync.
public struct SearchProgress: Equatable, Sendable {
    public let indexedCases: Int
    public let totalCases: Int
    public let done: Bool

    public init(indexedCases: Int, totalCases: Int, done: Bool) {
        self.indexedCases = indexedCases
        self.totalCases = totalCases
        self.done = done
    }
}
