import Combine
import Foundation
import InnomedServices

/// Face ID or the passcode at start and after time in background.
@MainActor
final class AppLockViewModel: ObservableObject {
    @Published private(set) var isLocked = false
    @Published private(set) var isAuthenticating = false
    @Published private(set) var lastAttemptFailed = false
    /// The phone has no passcode: the app stays locked until one is set.
    @Published private(set) var needsDevicePasscode = false
    /// Called when cases may show again: unlocked, or back in the foreground without locking.
    var onCasesVisible: (() -> Void)?

    private let authenticator: DeviceAuthenticating
    private let policy: AppLockPolicy
    private let now: () -> Date
    private var backgroundedAt: Date?

    init(authenticator: DeviceAuthenticating, policy: AppLockPolicy = AppLockPolicy(),
         now: @escaping () -> Date = Date.init) {
        self.authenticator = authenticator
        self.policy = policy
        self.now = now
    }

    /// Not locked, and not in the background either, where whether to lock is decided only
    /// on return (a notification tapped then waits for that).
    var casesVisible: Bool {
        !isLocked && backgroundedAt == nil
    }

    func lockNow() {
        isLocked = true
    }

    /// Signed out: nothing to protect any more.
    func reset() {
        isLocked = false
        backgroundedAt = nil
        lastAttemptFailed = false
    }

    func didEnterBackground() {
        backgroundedAt = now()
    }

    func willEnterForeground() {
        if policy.shouldLock(backgroundedAt: backgroundedAt, now: now()) {
            isLocked = true
        }
        backgroundedAt = nil
        if !isLocked { onCasesVisible?() }
    }

    func unlock() async {
        guard isLocked, !isAuthenticating else { return }
        guard authenticator.canAuthenticate() else {
            needsDevicePasscode = true
            return
        }
        needsDevicePasscode = false
        isAuthenticating = true
        let authenticated = await authenticator.authenticate(reason: L10n.string("lock.reason"))
        isAuthenticating = false
        lastAttemptFailed = !authenticated
        if authenticated {
            isLocked = false
            onCasesVisible?()
        }
    }
}
