import Foundation

/// A case's room id (`!abc:cpts.fr`). Used to address a case, never shown: the case code is.
public struct CaseID: Hashable, Sendable {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A doctor's Matrix user id (`@dr.martin:cpts.fr`).
public struct UserID: Hashable, Sendable {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// `dr.martin` for `@dr.martin:cpts.fr`: what a row shows when no directory name is known.
    public var localPart: String {
        let trimmed = rawValue.hasPrefix("@") ? String(rawValue.dropFirst()) : rawValue
        return trimmed.split(separator: ":").first.map(String.init) ?? trimmed
    }
}

/// A CPTS space id.
public struct CptsID: Hashable, Sendable {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A message once the homeserver accepted it.
public struct EventID: Hashable, Sendable {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
