import Combine
import Foundation
import InnomedServices

/// Where the app stands: starting, signed out, or a signed-in doctor (with the recovery step
/// first when this device needs it). Owns the app lock, the case (or a CPTS's unanswered
/// requests) a tapped notification opens once the session is ready and the lock passed
/// (`CaseRoute`), and the deadline reminders
/// handed to the phone's scheduler (`DeadlineReminderScheduler`): at the start of a session and
/// at each change of the case list, all removed when there is no session.
@MainActor
final class AppModel: ObservableObject {
    enum Phase {
        case starting
        case signedOut
        case signedIn(UserSession)
    }

    @Published private(set) var phase: Phase = .starting
    /// Set when the recovery key must be created (`disabled`) or entered (`incomplete`).
    @Published private(set) var recoveryNeeded: RecoveryStatus?
    /// Why the doctor is back on the sign-in screen (revoked elsewhere, restore failed).
    @Published var notice: ServiceError?
    /// What the tabs show next, from a tapped notification; `destinationShown()` clears it.
    @Published private(set) var destination: CaseDestination?

    let sessionService: SessionService
    let lock: AppLockViewModel
    private let photos: PrivatePhotoStore
    private let requestPushPermission: () async -> Void
    /// Takes the delivered notifications (case codes) off the lock screen when the doctor leaves.
    private let removeDeliveredNotifications: () -> Void
    private let reminders: DeadlineReminderScheduler
    private var signOutWatch: Task<Void, Never>?
    private var reminderWatch: Task<Void, Never>?
    private var route = CaseRoute()
    /// Set once `enter` has decided about the recovery step.
    private var sessionReady = false

    init(sessionService: SessionService, lock: AppLockViewModel, photos: PrivatePhotoStore,
         requestPushPermission: @escaping () async -> Void = { await AppDelegate.registerForPush() },
         removeDeliveredNotifications: @escaping () -> Void = { AppDelegate.removeDeliveredNotifications() },
         reminders: DeadlineReminderScheduler? = nil) {
        self.sessionService = sessionService
        self.lock = lock
        self.photos = photos
        self.requestPushPermission = requestPushPermission
        self.removeDeliveredNotifications = removeDeliveredNotifications
        self.reminders = reminders ?? DeadlineReminderScheduler(center: SystemNotificationCenter())
        lock.onCasesVisible = { [weak self] in self?.openTappedCase() }
    }

    var session: UserSession? {
        if case .signedIn(let session) = phase { return session }
        return nil
    }

    func start() async {
        photos.deleteAll()
        do {
            let restored = try await sessionService.restore()
            if let session = restored {
                lock.lockNow()
                await enter(session)
            } else {
                phase = .signedOut
                route.clear()
                // A session revoked or wiped while the app was closed leaves no reminder behind.
                reminders.clear()
            }
        } catch {
            notice = ServiceError.from(error)
            phase = .signedOut
            route.clear()
            reminders.clear()
        }
    }

    /// Called by the sign-in screen; no lock right after typing the password.
    func signedIn(_ session: UserSession) async {
        notice = nil
        await enter(session)
    }

    func recoveryFinished() {
        recoveryNeeded = nil
        openTappedCase()
    }

    /// A notification was tapped (cold start or warm): its case (or, for a coordinator's
    /// unanswered request, the CPTS's unanswered requests) opens once the session is ready and
    /// the lock passed, never before. Signed out, there is nothing to open.
    func notificationTapped(roomID: String) {
        if case .signedOut = phase { return }
        route.tapped(roomID: roomID)
        openTappedCase()
    }

    func destinationShown() {
        destination = nil
    }

    /// A case the doctor just opened from another tab (a care team, from the directory): the
    /// cases tab shows it, as a tapped notification's.
    func openCase(_ id: CaseID) {
        destination = .conversation(id)
    }

    func signOut() async {
        do {
            try await sessionService.signOut()
        } catch {
            notice = ServiceError.from(error)
        }
        leave()
    }

    func registerPush(deviceToken: Data) async {
        guard session != nil else { return }
        try? await sessionService.registerForPush(deviceToken: deviceToken, languageCode: L10n.languageCode)
    }

    private func enter(_ session: UserSession) async {
        phase = .signedIn(session)
        watchSignOut()
        do {
            try await sessionService.startSync()
        } catch {
            notice = ServiceError.from(error)
        }
        watchReminders(session)
        let recovery = session.trust.recoveryStatus()
        recoveryNeeded = (recovery == .disabled || recovery == .incomplete) ? recovery : nil
        sessionReady = true
        openTappedCase()
        await requestPushPermission()
        // Scheduled before the doctor allowed notifications, a reminder may have been refused.
        if self.session?.account == session.account {
            reminders.refresh(from: session.requests)
        }
    }

    private func openTappedCase() {
        guard let session else { return }
        let ready = sessionReady && recoveryNeeded == nil && lock.casesVisible
        if let next = route.take(ready: ready, cases: session.cases, directory: session.directory) {
            destination = next
        }
    }

    private func watchSignOut() {
        signOutWatch?.cancel()
        let signals = sessionService.signedOutElsewhere()
        signOutWatch = Task { [weak self] in
            for await _ in signals {
                self?.notice = .sessionRevoked
                self?.leave()
            }
        }
    }

    /// The reminders now, then again at each change of the case list (the main list, as the
    /// core gives it: a request taken, answered, closed or archived changes its row).
    private func watchReminders(_ session: UserSession) {
        reminderWatch?.cancel()
        // Signed out while the sync was starting: nothing to watch.
        guard self.session?.account == session.account else { return }
        let requests = session.requests
        let rows = session.cases.caseRows()
        reminders.refresh(from: requests)
        reminderWatch = Task { [weak self] in
            for await _ in rows {
                guard !Task.isCancelled, let self else { return }
                self.reminders.refresh(from: requests)
            }
        }
    }

    private func leave() {
        signOutWatch?.cancel()
        signOutWatch = nil
        reminderWatch?.cancel()
        reminderWatch = nil
        reminders.clear()
        recoveryNeeded = nil
        sessionReady = false
        route.clear()
        destination = nil
        removeDeliveredNotifications()
        lock.reset()
        photos.deleteAll()
        phase = .signedOut
    }
}
