import Foundation
import InnomedFFI

/// The core's `SecureStore` foreign trait over the Keychain: the session (tokens) and the
/// 32-byte key of the local stores. The core calls it from its own threads; Keychain calls are
/// thread-safe. Errors carry the `OSStatus` only.
final class KeychainSecureStore: SecureStore, @unchecked Sendable {
    private enum Item {
        static let session = "session"
        static let storeKey = "store-key"
    }

    private let keychain: KeychainStore

    init(keychain: KeychainStore = KeychainStore()) {
        self.keychain = keychain
    }

    func readSession() throws -> Session? {
        guard let data = try guarded({ try keychain.read(Item.session) }) else { return nil }
        guard let stored = try? JSONDecoder().decode(StoredSession.self, from: data) else {
            throw SecureStoreError.Unavailable(detail: "unreadable session item")
        }
        return stored.session
    }

    func writeSession(session: Session) throws {
        let data = try guarded { try JSONEncoder().encode(StoredSession(session)) }
        try guarded { try keychain.write(data, for: Item.session) }
    }

    func deleteSession() throws {
        try guarded { try keychain.delete(Item.session) }
    }

    func readStoreKey() throws -> Data? {
        try guarded { try keychain.read(Item.storeKey) }
    }

    func writeStoreKey(key: Data) throws {
        try guarded { try keychain.write(key, for: Item.storeKey) }
    }

    func deleteStoreKey() throws {
        try guarded { try keychain.delete(Item.storeKey) }
    }

    /// The homeserver of the saved session, to build the client that restores it.
    func savedHomeserver() -> String? {
        (try? readSession())?.homeserverUrl
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as KeychainStore.Failure {
            throw SecureStoreError.Unavailable(detail: "keychain status \(failure.status)")
        } catch {
            throw SecureStoreError.Unavailable(detail: "keychain item encoding")
        }
    }
}

/// The Keychain form of the core's `Session` record.
private struct StoredSession: Codable {
    let homeserverUrl: String
    let userId: String
    let deviceId: String
    let accessToken: String
    let refreshToken: String?

    init(_ session: Session) {
        homeserverUrl = session.homeserverUrl
        userId = session.userId
        deviceId = session.deviceId
        accessToken = session.accessToken
        refreshToken = session.refreshToken
    }

    var session: Session {
        Session(homeserverUrl: homeserverUrl, userId: userId, deviceId: deviceId,
                accessToken: accessToken, refreshToken: refreshToken)
    }
}
