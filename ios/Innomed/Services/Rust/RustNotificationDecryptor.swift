import Foundation
import InnomedFFI

/// For the notification service extension: restores the account from the Keychain (no sync),
/// decrypts the pushed event through `Client.notification`, and closes the client again.
public final class RustNotificationDecryptor: NotificationDecryptor {
    public init() {}

    public func lockScreenLine(roomID: String, eventID: String, languageCode: String) async throws -> String {
        let store = KeychainSecureStore()
        guard let homeserver = store.savedHomeserver() else { throw ServiceError.notLoggedIn }
        let client = try await mapErrors {
            try await RustCore.builder(homeserver: homeserver, secureStore: store).restore()
        }
        do {
            let notification = try await client.notification(roomId: roomID, eventId: eventID)
            try? await client.shutdown()
            return languageCode == "en" ? notification.lockScreenEn : notification.lockScreenFr
        } catch {
            try? await client.shutdown()
            let mapped = ServiceError(rust: error)
            Log.push.error("notification not decrypted: \(mapped.code, privacy: .public)")
            throw mapped
        }
    }
}
