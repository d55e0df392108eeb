import Foundation
import InnomedServices
import UserNotifications

/// Pushes carry ids only (room id, event id, unread count: `event_id_only` pushers). This
/// extension decrypts the event on the phone through the core (`Client.notification`) and
/// shows a single line — what arrived and the case's opaque code, never content. When the
/// event cannot be read in time (phone locked: the Keychain items are readable only while it is
/// unlocked; no network; time running out), a generic line is shown instead.
final class NotificationService: UNNotificationServiceExtension {
    private let decryptor: NotificationDecryptor = RustNotificationDecryptor()
    private let lock = NSLock()
    private var contentHandler: ((UNNotificationContent) -> Void)?
    private var content: UNMutableNotificationContent?
    private var work: Task<Void, Never>?

    override func didReceive(_ request: UNNotificationRequest,
                             withContentHandler contentHandler: @escaping (UNNotificationContent) -> Void) {
        // A fresh content: nothing of the push is shown but what the core decrypts.
        let content = UNMutableNotificationContent()
        content.title = "Innomed"
        content.body = Self.genericLine
        content.sound = .default
        lock.withLock {
            self.contentHandler = contentHandler
            self.content = content
        }
        guard let push = PushIDs(userInfo: request.content.userInfo) else {
            deliver()
            return
        }
        content.threadIdentifier = push.roomID
        content.userInfo = ["room_id": push.roomID, "event_id": push.eventID]
        if let unread = push.unreadCount { content.badge = NSNumber(value: unread) }
        let decryptor = decryptor
        work = Task { [weak self] in
            let line = try? await decryptor.lockScreenLine(roomID: push.roomID, eventID: push.eventID,
                                                           languageCode: Self.languageCode)
            if let line, !Task.isCancelled { content.body = line }
            self?.deliver()
        }
    }

    override func serviceExtensionTimeWillExpire() {
        work?.cancel()
        deliver()
    }

    /// Hands the content over once, whichever comes first: the decrypted line or the deadline.
    private func deliver() {
        let pending: (handler: (UNNotificationContent) -> Void, content: UNNotificationContent)? = lock.withLock {
            guard let handler = contentHandler, let content else { return nil }
            contentHandler = nil
            return (handler, content)
        }
        if let pending { pending.handler(pending.content) }
    }

    private static var languageCode: String {
        (Locale.preferredLanguages.first ?? "fr").hasPrefix("en") ? "en" : "fr"
    }

    private static var genericLine: String {
        languageCode == "en" ? "New activity in a case" : "Nouvelle activité dans un dossier"
    }
}

/// The ids of an `event_id_only` push, as the push gateway puts them in the APNs payload.
struct PushIDs {
    let roomID: String
    let eventID: String
    let unreadCount: Int?

    init?(userInfo: [AnyHashable: Any]) {
        guard let roomID = userInfo["room_id"] as? String, let eventID = userInfo["event_id"] as? String else {
            return nil
        }
        self.roomID = roomID
        self.eventID = eventID
        unreadCount = userInfo["unread_count"] as? Int
    }
}
