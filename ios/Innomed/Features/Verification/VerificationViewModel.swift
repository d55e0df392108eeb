import Combine
import Foundation
import InnomedServices

/// Emoji verification with another device, step by step: request (or accept), compare the
/// seven emojis, confirm or report a mismatch.
@MainActor
final class VerificationViewModel: ObservableObject {
    enum Mode: Equatable {
        /// This device asks the other one.
        case outgoing(user: UserID, device: String)
        /// Waits for a request from another device (the doctor's other phone or a colleague).
        case incoming
    }

    @Published private(set) var step: VerificationState?
    @Published private(set) var otherUser: UserID?
    @Published private(set) var isWaitingForRequest = false
    @Published private(set) var isWorking = false
    @Published var error: ServiceError?

    let mode: Mode
    private let trust: TrustService
    private var session: Verification?

    init(trust: TrustService, mode: Mode) {
        self.trust = trust
        self.mode = mode
    }

    /// Starts (or waits for) the verification and follows its steps until it ends.
    func run() async {
        do {
            switch mode {
            case .outgoing(let user, let device):
                session = try await trust.verify(user: user, device: device)
            case .incoming:
                isWaitingForRequest = true
                session = try await trust.incomingVerification(timeout: 120)
                isWaitingForRequest = false
            }
            guard let session else { return }
            otherUser = session.otherUser
            step = await session.state()
            while !Task.isCancelled, let current = step, !current.isFinal {
                step = await session.nextState(timeout: 30)
            }
        } catch {
            isWaitingForRequest = false
            self.error = ServiceError.from(error)
        }
    }

    /// The incoming side accepts the request.
    var canAccept: Bool { mode == .incoming && step == .requested }
    var canStartEmojis: Bool { step == .ready }

    func accept() async { await act { try await $0.accept() } }
    func startEmojis() async { await act { try await $0.startEmojis() } }
    func confirm() async { await act { try await $0.confirm() } }
    func mismatch() async { await act { try await $0.mismatch() } }

    func cancel() async {
        guard let session, step?.isFinal != true else { return }
        try? await session.cancel()
    }

    private func act(_ body: (Verification) async throws -> Void) async {
        guard let session, !isWorking else { return }
        isWorking = true
        defer { isWorking = false }
        do {
            try await body(session)
        } catch {
            self.error = ServiceError.from(error)
        }
    }
}
