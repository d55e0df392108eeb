import Foundation
import InnomedServices
import UserNotifications

/// The app's `UNUserNotificationCenter` delegate, set by `AppDelegate` before launch ends (or the
/// tap that launched the app is never delivered). A tap (on a push or on a deadline reminder the
/// app scheduled, both with the room id in `userInfo`: a case's, or the CPTS space's for a
/// coordinator's unanswered request) hands the notification's room id to `onTap`
/// (`AppModel.notificationTapped`, which waits for the session and the app lock); a tap
/// delivered before `onTap` is set (cold start) is kept until then. Logs nothing.
@MainActor
final class NotificationCenterDelegate: NSObject, UNUserNotificationCenterDelegate {
    var onTap: ((String) -> Void)? {
        didSet { deliverTap() }
    }

    private var tappedRoomID: String?

    nonisolated func userNotificationCenter(_ center: UNUserNotificationCenter,
                                            didReceive response: UNNotificationResponse,
                                            withCompletionHandler completionHandler: @escaping () -> Void) {
        let isTap = response.actionIdentifier == UNNotificationDefaultActionIdentifier
        let roomID = isTap ? NotificationPayload.room(in: response.notification.request.content.userInfo) : nil
        Task { @MainActor in
            if let roomID {
                self.tappedRoomID = roomID
                self.deliverTap()
            }
            completionHandler()
        }
    }

    /// The app in the foreground: see `presentation(userInfo:)`.
    nonisolated func userNotificationCenter(_ center: UNUserNotificationCenter,
                                            willPresent notification: UNNotification,
                                            withCompletionHandler completionHandler: @escaping (UNNotificationPresentationOptions) -> Void) {
        completionHandler(Self.presentation(userInfo: notification.request.content.userInfo))
    }

    /// In the foreground, a banner (and the sound) only when the extension wrote its line: what
    /// arrived and the case's code, never content, the same line the lock screen shows. The
    /// gateway's placeholder alone (the line could not be made in time) is not shown: it says
    /// nothing the live case list does not already show (unread count, last activity). A deadline
    /// reminder the app scheduled (`DeadlineReminderScheduler`) shows too: its line is the case's
    /// code and the deadline, and it says the moment has come.
    nonisolated static func presentation(userInfo: [AnyHashable: Any]) -> UNNotificationPresentationOptions {
        let shown = NotificationPayload.showsLine(userInfo) || NotificationPayload.isDeadlineReminder(userInfo)
        return shown ? [.banner, .list, .sound] : []
    }

    private func deliverTap() {
        guard let onTap, let roomID = tappedRoomID else { return }
        tappedRoomID = nil
        onTap(roomID)
    }
}
