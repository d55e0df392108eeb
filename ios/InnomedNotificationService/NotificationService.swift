import Foundation
import InnomedServices
import UserNotifications

/// Pushes carry ids only (room id, event id, unread count: `event_id_only` pushers); the
/// gateway adds a `mutable-content` alert whose text is the constant placeholder
/// `push.placeholder` (the pusher's `default_payload`), so this extension runs. It decrypts the
/// event on the phone through the core (`Client.notification`) and replaces the placeholder
/// with a single line — what arrived and the case's opaque code, never content. When the event
/// cannot be read in time (phone locked: the Keychain items are readable only while it is
/// unlocked; no network; an error; time running out), the placeholder stays. Nothing here is
/// logged: the core and the services log ids and error codes only. A coordinator's unanswered
/// request comes from the CPTS space (its room id is the space's) with the core's line
/// ("Demande sans réponse — dossier IM-…"); the app routes its tap by that room id (`CaseRoute`).
final class NotificationService: UNNotificationServiceExtension {
    private static let placeholderKey = "push.placeholder"

    private let decryptor: NotificationDecryptor = RustNotificationDecryptor()
    private let lock = NSLock()
    private var contentHandler: ((UNNotificationContent) -> Void)?
    private var content: UNMutableNotificationContent?
    private var work: Task<Void, Never>?

    override func didReceive(_ request: UNNotificationRequest,
                             withContentHandler contentHandler: @escaping (UNNotificationContent) -> Void) {
        // A fresh content: nothing of the push is shown but the placeholder or the decrypted line.
        let content = UNMutableNotificationContent()
        content.body = Self.placeholder(pushed: request.content.body)
        content.sound = .default
        lock.withLock {
            self.contentHandler = contentHandler
            self.content = content
        }
        guard let push = PushIDs(userInfo: request.content.userInfo) else {
            deliver(line: nil)
            return
        }
        content.threadIdentifier = push.roomID
        content.userInfo = [NotificationPayload.roomID: push.roomID, NotificationPayload.eventID: push.eventID]
        if let unread = push.unreadCount { content.badge = NSNumber(value: unread) }
        let decryptor = decryptor
        work = Task { [weak self] in
            let line = try? await decryptor.lockScreenLine(roomID: push.roomID, eventID: push.eventID,
                                                           languageCode: Self.languageCode)
            self?.deliver(line: Task.isCancelled ? nil : line)
        }
    }

    /// The system's deadline (about 30 s): the placeholder goes out as it is.
    override func serviceExtensionTimeWillExpire() {
        work?.cancel()
        deliver(line: nil)
    }

    /// Hands the content over once, whichever comes first: the decrypted line or the deadline.
    /// The line is set under the lock, so a late line never changes content already handed over.
    private func deliver(line: String?) {
        let pending: (handler: (UNNotificationContent) -> Void, content: UNNotificationContent)? = lock.withLock {
            guard let handler = contentHandler, let content else { return nil }
            contentHandler = nil
            self.content = nil
            if let line, !line.isEmpty {
                content.body = line
                // For the app in the foreground: only this line is shown there (NotificationCenterDelegate).
                content.userInfo[NotificationPayload.hasLine] = true
            }
            return (handler, content)
        }
        if let pending { pending.handler(pending.content) }
    }

    /// The language of the extension's strings (the app's fr/en Localizable.strings, also in
    /// this bundle), so the decrypted line and the placeholder agree.
    private static var languageCode: String {
        Bundle.main.preferredLocalizations.first == "en" ? "en" : "fr"
    }

    /// The gateway's placeholder, from the same strings as the app; the system's rendering of the
    /// pushed alert if the strings are missing from this bundle.
    private static func placeholder(pushed: String) -> String {
        let line = Bundle.main.localizedString(forKey: placeholderKey, value: nil, table: nil)
        return line == placeholderKey && !pushed.isEmpty ? pushed : line
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
