import Foundation

/// When the app asks for Face ID or the passcode again: at start, and when it comes back after
/// more than `gracePeriod` in the background.
public struct AppLockPolicy: Equatable, Sendable {
    public var gracePeriod: TimeInterval

    public init(gracePeriod: TimeInterval = 60) {
        self.gracePeriod = gracePeriod
    }

    public func shouldLock(backgroundedAt: Date?, now: Date) -> Bool {
        guard let backgroundedAt else { return false }
        return now.timeIntervalSince(backgroundedAt) >= gracePeriod
    }
}
