import Foundation

/// The doctor's identity across devices: recovery key, cross-signing, emoji verification.
public protocol TrustService: AnyObject {
    func recoveryStatus() -> RecoveryStatus

    /// Sets up key backup and returns the recovery key, to show once.
    func enableRecovery() async throws -> String

    /// Enters the recovery key on a new device; a wrong key changes nothing.
    func recover(with recoveryKey: String) async throws

    func isThisDeviceCrossSigned() async throws -> Bool
    func devices(of user: UserID) async throws -> [DeviceInfo]
    func isVerified(_ user: UserID) async throws -> Bool

    /// Asks one device (the doctor's other phone, or a colleague's) to verify.
    func verify(user: UserID, device: String) async throws -> Verification

    /// The next request another device sent, or `nil` after the timeout.
    func incomingVerification(timeout: TimeInterval) async throws -> Verification?
}

/// One emoji verification, step by step.
public protocol Verification: AnyObject {
    var otherUser: UserID { get }
    var isSelfVerification: Bool { get }

    func state() async -> VerificationState

    /// Waits at most `timeout` for the state to change; returns the state then (the same one
    /// after the timeout).
    func nextState(timeout: TimeInterval) async -> VerificationState

    func accept() async throws
    func startEmojis() async throws
    func confirm() async throws
    func mismatch() async throws
    func cancel() async throws
}
