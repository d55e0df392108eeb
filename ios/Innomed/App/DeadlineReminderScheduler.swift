import Foundation
import InnomedServices

/// Hands the core's deadline reminders to the phone's scheduler, since the core cannot wake a
/// closed app: each refresh reads the whole list (`RequestService.reminderSchedule`) and makes
/// the pending reminders exactly that list (`DeadlineReminderPlan`); `clear` removes them all.
/// Other notifications are left alone. `AppModel` refreshes at the start of a session and at each
/// change of the case list, and clears when there is no session.
///
/// One piece of work at a time: refreshes asked while one runs make one more run after it (the
/// case list changes often); a clear asked meanwhile runs before any later refresh, and a list
/// read before it is dropped. A failed read keeps what is scheduled. Logs nothing.
@MainActor
final class DeadlineReminderScheduler {
    private let center: LocalNotificationCenter
    private let now: () -> Date
    private let line: (DeadlineState, String) -> String?
    private var needsClear = false
    private var nextSource: RequestService?
    private var worker: Task<Void, Never>?

    init(center: LocalNotificationCenter, now: @escaping () -> Date = { Date() },
         line: @escaping (DeadlineState, String) -> String? = DeadlineReminderPlan.line(for:code:)) {
        self.center = center
        self.now = now
        self.line = line
    }

    /// Reads the core's list again and replaces the pending reminders with it.
    func refresh(from requests: RequestService) {
        nextSource = requests
        startIfIdle()
    }

    /// Signed out, revoked, or no session at start: no reminder of a case stays pending.
    func clear() {
        nextSource = nil
        needsClear = true
        startIfIdle()
    }

    /// Returns once the work asked so far is done.
    func settle() async {
        while let running = worker {
            await running.value
        }
    }

    private func startIfIdle() {
        guard worker == nil else { return }
        worker = Task { [weak self] in
            await self?.drain()
        }
    }

    private func drain() async {
        while needsClear || nextSource != nil {
            if needsClear {
                needsClear = false
                await apply([])
            }
            if let requests = nextSource {
                nextSource = nil
                let listed = try? await requests.reminderSchedule()
                // Cleared while reading: that list is no longer the doctor's.
                guard let reminders = listed, !needsClear else { continue }
                await apply(reminders)
            }
        }
        worker = nil
    }

    private func apply(_ reminders: [ScheduledReminder]) async {
        let pending = await center.pendingNotifications()
        let plan = DeadlineReminderPlan(reminders: reminders, pending: pending, now: now(), line: line)
        if !plan.remove.isEmpty {
            center.removePending(withIdentifiers: plan.remove)
        }
        for notification in plan.add {
            // Refused (notifications not allowed, the scheduler full): the next refresh tries again.
            try? await center.add(notification)
        }
    }
}
