import Foundation
import InnomedServices

/// One deadline reminder as a local notification: what the phone's scheduler is handed.
struct ReminderNotification: Equatable {
    /// From the case's room id and the reminder's state (`DeadlineReminderPlan.identifier`), so a
    /// new one for the same case and state replaces the pending one exactly.
    let identifier: String
    /// Carried in the notification's `userInfo`, so a tap opens the case as a push's does.
    let caseID: CaseID
    /// The core's time rounded up to the whole second (a calendar trigger's precision): never
    /// before the moment the core gave.
    let fireDate: Date
    /// "Échéance proche : IM-7K2QX9": the case's code only, no patient data, no name.
    let body: String
}

/// A notification waiting in the phone's scheduler, of any kind.
struct PendingNotification: Equatable {
    let identifier: String
    /// When it fires; `nil` when its trigger is not a date.
    let fireDate: Date?
    let body: String
}

/// The phone's scheduler of local notifications (`UNUserNotificationCenter`,
/// `SystemNotificationCenter`; a fake in the tests).
protocol LocalNotificationCenter: AnyObject {
    /// Every pending notification of the app, of any kind.
    func pendingNotifications() async -> [PendingNotification]
    /// Schedules it; one pending with the same identifier is replaced.
    func add(_ notification: ReminderNotification) async throws
    func removePending(withIdentifiers identifiers: [String])
}

/// What to change in the phone's scheduler so that its pending deadline reminders are exactly the
/// core's list: the notifications to add (new, or changed: the same identifier, so the scheduler
/// replaces the pending one) and the identifiers of the app's reminders to remove (no longer
/// listed). A reminder pending unchanged is left as it is; a notification of any other kind (an
/// identifier without the prefix) is never touched. Plain values: no UIKit, no SwiftUI.
struct DeadlineReminderPlan: Equatable {
    /// iOS keeps 64 pending local notifications per app: the soonest 60, the next ones once
    /// these have fired and the list is read again.
    static let limit = 60
    static let identifierPrefix = "deadline-reminder."

    private(set) var add: [ReminderNotification] = []
    private(set) var remove: [String] = []

    var isEmpty: Bool { add.isEmpty && remove.isEmpty }

    /// `reminders`: the core's list (the whole of it); `pending`: the scheduler's, of any kind.
    /// A reminder whose time is not after `now` is left out: the app is running, and the case
    /// list shows where each request stands. `line` words the notification (`nil`: not a
    /// reminder); the app's strings unless a test gives its own.
    init(reminders: [ScheduledReminder], pending: [PendingNotification], now: Date,
         line: (DeadlineState, String) -> String? = DeadlineReminderPlan.line(for:code:)) {
        var wanted: [ReminderNotification] = []
        var listed = Set<String>()
        for reminder in reminders.sorted(by: { $0.at < $1.at }) where wanted.count < Self.limit {
            let fireDate = Self.wholeSecond(reminder.at)
            guard fireDate > now,
                  let identifier = Self.identifier(for: reminder.caseID, state: reminder.state),
                  let body = line(reminder.state, reminder.code),
                  !listed.contains(identifier) else { continue }
            listed.insert(identifier)
            wanted.append(ReminderNotification(identifier: identifier, caseID: reminder.caseID,
                                               fireDate: fireDate, body: body))
        }
        let ours = pending.filter { Self.isReminder($0.identifier) }
        var scheduled: [String: PendingNotification] = [:]
        for notification in ours where scheduled[notification.identifier] == nil {
            scheduled[notification.identifier] = notification
        }
        add = wanted.filter { notification in
            guard let current = scheduled[notification.identifier] else { return true }
            return current.fireDate != notification.fireDate || current.body != notification.body
        }
        var removed = Set<String>()
        for notification in ours where !listed.contains(notification.identifier) {
            if removed.insert(notification.identifier).inserted {
                remove.append(notification.identifier)
            }
        }
    }

    /// `deadline-reminder.dueSoon.!room:server`: one per case and state; `nil` for a state that
    /// is no reminder.
    static func identifier(for caseID: CaseID, state: DeadlineState) -> String? {
        let stateName: String
        switch state {
        case .dueSoon: stateName = "dueSoon"
        case .overdue: stateName = "overdue"
        case .onTime, .done: return nil
        }
        return identifierPrefix + stateName + "." + caseID.rawValue
    }

    /// Whether a pending notification is one of the app's deadline reminders.
    static func isReminder(_ identifier: String) -> Bool {
        identifier.hasPrefix(identifierPrefix)
    }

    /// "Échéance proche : IM-7K2QX9" / "Échéance dépassée : IM-7K2QX9" (English too).
    static func line(for state: DeadlineState, code: String) -> String? {
        switch state {
        case .dueSoon: return L10n.format("reminder.dueSoon", code)
        case .overdue: return L10n.format("reminder.overdue", code)
        case .onTime, .done: return nil
        }
    }

    /// Rounded up: a reminder "when it has passed" never fires before.
    static func wholeSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.up))
    }
}
