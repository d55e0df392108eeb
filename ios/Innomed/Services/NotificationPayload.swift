import Foundation

/// The `userInfo` of a shown notification: written by the notification service extension (a push)
/// or by the app (a deadline reminder it scheduled), read by the app when the notification is
/// tapped or arrives in the foreground. Ids and flags only, never content.
public enum NotificationPayload {
    /// The case's room id (`!abc:cpts.fr`), as the push carried it; for a coordinator's
    /// unanswered request, the CPTS space's (`CaseRoute` opens that CPTS's unanswered requests).
    public static let roomID = "room_id"
    /// The pushed event's id.
    public static let eventID = "event_id"
    /// `true` when the extension replaced the gateway's placeholder with the core's line.
    public static let hasLine = "has_line"
    /// `true` on the app's own local notification of a deadline reminder (`DeadlineReminders`).
    public static let deadlineReminder = "deadline_reminder"

    /// The room id a notification names, if any.
    public static func room(in userInfo: [AnyHashable: Any]) -> String? {
        guard let id = userInfo[Self.roomID] as? String, !id.isEmpty else { return nil }
        return id
    }

    /// Whether the extension wrote its line in this notification.
    public static func showsLine(_ userInfo: [AnyHashable: Any]) -> Bool {
        userInfo[Self.hasLine] as? Bool == true
    }

    /// Whether this is a deadline reminder the app scheduled itself.
    public static func isDeadlineReminder(_ userInfo: [AnyHashable: Any]) -> Bool {
        userInfo[Self.deadlineReminder] as? Bool == true
    }
}
