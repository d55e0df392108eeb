import Foundation
@testable import InnomedServices

final class FakeTrustService: TrustService {
    var recovery: RecoveryStatus = .enabled
    var onEnableRecovery: () async throws -> String = { try unstubbed("enableRecovery") }
    var onRecover: (String) async throws -> Void = { _ in try unstubbed("recover") }
    var verification: FakeVerification?

    func recoveryStatus() -> RecoveryStatus { recovery }
    func enableRecovery() async throws -> String { try await onEnableRecovery() }
    func recover(with recoveryKey: String) async throws { try await onRecover(recoveryKey) }
    func isThisDeviceCrossSigned() async throws -> Bool { true }
    func devices(of user: UserID) async throws -> [DeviceInfo] { try unstubbed("devices") }
    func isVerified(_ user: UserID) async throws -> Bool { try unstubbed("isVerified") }

    func verify(user: UserID, device: String) async throws -> Verification {
        guard let verification else { return try unstubbed("verify") }
        return verification
    }

    func incomingVerification(timeout: TimeInterval) async throws -> Verification? { verification }
}

/// Plays a scripted list of steps, one per `nextState` call.
final class FakeVerification: Verification {
    let otherUser = UserID("@dr.benali:cpts.test")
    let isSelfVerification = false
    var steps: [VerificationState]
    var confirmed = false

    init(steps: [VerificationState]) {
        self.steps = steps
    }

    func state() async -> VerificationState { steps.first ?? .cancelled(reason: "empty") }

    func nextState(timeout: TimeInterval) async -> VerificationState {
        if steps.count > 1 { steps.removeFirst() }
        return steps[0]
    }

    func accept() async throws {}
    func startEmojis() async throws {}
    func confirm() async throws { confirmed = true }
    func mismatch() async throws {}
    func cancel() async throws {}
}
