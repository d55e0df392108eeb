import Combine
import Foundation
import InnomedServices

@MainActor
final class SettingsViewModel: ObservableObject {
    let account: Account
    @Published private(set) var isCrossSigned: Bool?
    @Published private(set) var recovery: RecoveryStatus = .unknown
    @Published private(set) var isSigningOut = false
    @Published var error: ServiceError?

    let trust: TrustService
    private let onSignOut: @MainActor () async -> Void

    init(session: UserSession, onSignOut: @escaping @MainActor () async -> Void) {
        account = session.account
        trust = session.trust
        self.onSignOut = onSignOut
    }

    func load() async {
        recovery = trust.recoveryStatus()
        do {
            isCrossSigned = try await trust.isThisDeviceCrossSigned()
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    func signOut() async {
        guard !isSigningOut else { return }
        isSigningOut = true
        await onSignOut()
        isSigningOut = false
    }
}
