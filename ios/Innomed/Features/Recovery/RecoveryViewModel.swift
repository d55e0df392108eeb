import Combine
import Foundation
import InnomedServices

/// The recovery key: created once on the first device (shown once), entered on a new one.
@MainActor
final class RecoveryViewModel: ObservableObject {
    enum Mode: Equatable {
        case create, enter
    }

    let mode: Mode
    /// Shown once, then forgotten when the doctor confirms it is written down.
    @Published private(set) var recoveryKey: String?
    @Published var enteredKey = ""
    @Published var savedConfirmed = false
    @Published private(set) var isWorking = false
    @Published private(set) var isDone = false
    @Published var error: ServiceError?

    private let trust: TrustService

    init(trust: TrustService, state: RecoveryStatus) {
        self.trust = trust
        mode = state == .incomplete ? .enter : .create
    }

    var canRecover: Bool {
        !isWorking && !enteredKey.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    func create() async {
        guard recoveryKey == nil, !isWorking else { return }
        isWorking = true
        defer { isWorking = false }
        do {
            recoveryKey = try await trust.enableRecovery()
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    func recover() async {
        guard canRecover else { return }
        isWorking = true
        defer { isWorking = false }
        do {
            try await trust.recover(with: enteredKey.trimmingCharacters(in: .whitespacesAndNewlines))
            enteredKey = ""
            isDone = true
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// The doctor wrote the key down: it leaves memory and the screen.
    func finish() {
        guard savedConfirmed else { return }
        recoveryKey = nil
        isDone = true
    }
}
