import Foundation
import InnomedServices
import UserNotifications

/// `UNUserNotificationCenter` as the deadline reminders' scheduler. A reminder is a calendar
/// trigger at its date (absolute, with the time zone), content-free like a push's line: the body
/// only ("Échéance proche : IM-…"), grouped by case, and the room id in `userInfo`, so that a tap
/// goes through `NotificationCenterDelegate` and opens the case as a tapped push does.
final class SystemNotificationCenter: LocalNotificationCenter {
    private let center: UNUserNotificationCenter

    init(center: UNUserNotificationCenter = .current()) {
        self.center = center
    }

    func pendingNotifications() async -> [PendingNotification] {
        let requests = await center.pendingNotificationRequests()
        return requests.map(Self.pending(from:))
    }

    func add(_ notification: ReminderNotification) async throws {
        try await center.add(Self.request(for: notification))
    }

    func removePending(withIdentifiers identifiers: [String]) {
        center.removePendingNotificationRequests(withIdentifiers: identifiers)
    }

    static func request(for notification: ReminderNotification,
                        calendar: Calendar = .current) -> UNNotificationRequest {
        let content = UNMutableNotificationContent()
        content.body = notification.body
        content.sound = .default
        content.threadIdentifier = notification.caseID.rawValue
        content.userInfo = [NotificationPayload.roomID: notification.caseID.rawValue,
                            NotificationPayload.deadlineReminder: true]
        let components = calendar.dateComponents(
            [.calendar, .timeZone, .year, .month, .day, .hour, .minute, .second], from: notification.fireDate)
        let trigger = UNCalendarNotificationTrigger(dateMatching: components, repeats: false)
        return UNNotificationRequest(identifier: notification.identifier, content: content, trigger: trigger)
    }

    /// The date a calendar trigger was given (its components carry the calendar and time zone);
    /// `nil` for any other trigger.
    static func pending(from request: UNNotificationRequest) -> PendingNotification {
        let trigger = request.trigger as? UNCalendarNotificationTrigger
        return PendingNotification(identifier: request.identifier, fireDate: trigger?.dateComponents.date,
                                   body: request.content.body)
    }
}
