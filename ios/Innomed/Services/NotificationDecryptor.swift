import Foundation

/// Used by the notification service extension: turns a pushed event id into the one line a
/// locked screen may show (the case's opaque code and what arrived, never content).
public protocol NotificationDecryptor: AnyObject {
    func lockScreenLine(roomID: String, eventID: String, languageCode: String) async throws -> String
}
