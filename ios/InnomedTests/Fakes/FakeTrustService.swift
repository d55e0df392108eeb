import Foundation
@testable import InnomedServices

final class FakeTrustService: TrustService {
    var recovery: RecoveryState = .enabled
    var onEnableRecovery: () async throws -> String = { try unstubbed("enableRecovery") }
    var onRecover: (String) async throws -> Void = { _ in try unstubbed("recover") }
    var verification: FakeVerificationSession?

    func recoveryState() -> RecoveryState { recovery }
    func enableRecovery() async throws -> String { try await onEnableRecovery() }
    func recover(with recoveryKey: String) async throws { try await onRecover(recoveryKey) }
    func isThisDeviceCrossSigned() async throws -> Bool { true }
    func devices(of user: UserID) async throws -> [DeviceSummary] { try unstubbed("devices") }
    func isVerified(_ user: UserID) async throws -> Bool { try unstubbed("isVerified") }

    func verify(user: UserID, device: String) async throws -> VerificationSession {
        guard let verification else { return try unstubbed("verify") }
        return verification
    }

    func incomingVerification(timeout: TimeInterval) async throws -> VerificationSession? { verification }
}

/// Plays a scripted list of steps, one per `nextStep` call.
final class FakeVerificationSession: VerificationSession {
    let otherUser = UserID("@dr.benali:cpts.test")
    let isSelfVerification = false
    var steps: [VerificationStep]
    var confirmed = false

    init(steps: [VerificationStep]) {
        self.steps = steps
    }

    func currentStep() async -> VerificationStep { steps.first ?? .cancelled(reason: "empty") }

    func nextStep(timeout: TimeInterval) async -> VerificationStep {
        if steps.count > 1 { steps.removeFirst() }
        return steps[0]
    }

    func accept() async throws {}
    func startEmojis() async throws {}
    func confirm() async throws { confirmed = true }
    func mismatch() async throws {}
    func cancel() async throws {}
}
