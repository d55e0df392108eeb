import os

/// The app's logs: ids and error codes only, never message bodies, names, case details,
/// tokens or keys (interpolated values are private unless marked public).
enum Log {
    static let session = Logger(subsystem: "fr.innomed", category: "session")
    static let cases = Logger(subsystem: "fr.innomed", category: "cases")
    static let push = Logger(subsystem: "fr.innomed", category: "push")
    static let security = Logger(subsystem: "fr.innomed", category: "security")
}
