import Foundation
import InnomedFFI

final class RustTrustService: TrustService, @unchecked Sendable {
    private let client: Client

    init(client: Client) {
        self.client = client
    }

    func recoveryStatus() -> RecoveryStatus {
        (try? client.recoveryStatus()).map(RecoveryStatus.init(rustValue:)) ?? .unknown
    }

    func enableRecovery() async throws -> String {
        try await mapErrors { try await client.enableRecovery() }
    }

    func recover(with recoveryKey: String) async throws {
        try await mapErrors { try await client.recover(recoveryKey: recoveryKey) }
    }

    func isThisDeviceCrossSigned() async throws -> Bool {
        try await mapErrors { try await client.isDeviceCrossSigned() }
    }

    func devices(of user: UserID) async throws -> [DeviceInfo] {
        try await mapErrors { try await client.devicesOf(userId: user.rawValue) }
            .map(DeviceInfo.init(rustValue:))
    }

    func isVerified(_ user: UserID) async throws -> Bool {
        try await mapErrors { try await client.isUserVerified(userId: user.rawValue) }
    }

    func verify(user: UserID, device: String) async throws -> Verification {
        let verification = try await mapErrors {
            try await client.verifyDevice(userId: user.rawValue, deviceId: device)
        }
        return RustVerification(verification)
    }

    func incomingVerification(timeout: TimeInterval) async throws -> Verification? {
        let verification = try await mapErrors {
            try await client.incomingVerification(timeoutMs: milliseconds(timeout))
        }
        return verification.map { RustVerification($0) }
    }
}

final class RustVerification: Verification, @unchecked Sendable {
    let otherUser: UserID
    let isSelfVerification: Bool
    private let verification: InnomedFFI.Verification
    private let lock = NSLock()
    private var last: InnomedFFI.VerificationState = .requested

    init(_ verification: InnomedFFI.Verification) {
        self.verification = verification
        otherUser = UserID(verification.otherUserId())
        isSelfVerification = verification.isSelfVerification()
    }

    func state() async -> VerificationState {
        let state = await verification.state()
        return remember(state)
    }

    func nextState(timeout: TimeInterval) async -> VerificationState {
        let current = lock.withLock { last }
        let state = await verification.nextState(current: current, timeoutMs: milliseconds(timeout))
        return remember(state)
    }

    func accept() async throws { try await mapErrors { try await verification.accept() } }
    func startEmojis() async throws { try await mapErrors { try await verification.startEmojis() } }
    func confirm() async throws { try await mapErrors { try await verification.confirm() } }
    func mismatch() async throws { try await mapErrors { try await verification.mismatch() } }
    func cancel() async throws { try await mapErrors { try await verification.cancel() } }

    private func remember(_ state: InnomedFFI.VerificationState) -> VerificationState {
        lock.withLock { last = state }
        return VerificationState(rustValue: state)
    }
}
