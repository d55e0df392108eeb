import Foundation
import Security

/// Generic-password items of the app in the Keychain, readable only while this device is
/// unlocked and never migrated to another device or a backup
/// (`kSecAttrAccessibleWhenUnlockedThisDeviceOnly`). The app and its notification extension
/// share them through one Keychain access group.
public final class KeychainStore: @unchecked Sendable {
    public struct Failure: Error, Equatable {
        /// The `OSStatus`; the only detail ever reported (no item content).
        public let status: OSStatus
    }

    private let service: String
    private let accessGroup: String?

    public init(service: String = "fr.innomed", accessGroup: String? = KeychainStore.sharedAccessGroup) {
        self.service = service
        self.accessGroup = accessGroup
    }

    /// The group named in Info.plist (`InnomedKeychainGroup`, with the team prefix expanded).
    public static var sharedAccessGroup: String? {
        Bundle.main.object(forInfoDictionaryKey: "InnomedKeychainGroup") as? String
    }

    public func read(_ account: String) throws -> Data? {
        var query = baseQuery(account)
        query[kSecReturnData as String] = true
        query[kSecMatchLimit as String] = kSecMatchLimitOne
        var result: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        switch status {
        case errSecSuccess: return result as? Data
        case errSecItemNotFound: return nil
        default: throw Failure(status: status)
        }
    }

    public func write(_ data: Data, for account: String) throws {
        let attributes: [String: Any] = [
            kSecValueData as String: data,
            kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly,
        ]
        let status = SecItemUpdate(baseQuery(account) as CFDictionary, attributes as CFDictionary)
        if status == errSecItemNotFound {
            var add = baseQuery(account)
            add.merge(attributes) { _, new in new }
            let added = SecItemAdd(add as CFDictionary, nil)
            guard added == errSecSuccess else { throw Failure(status: added) }
        } else if status != errSecSuccess {
            throw Failure(status: status)
        }
    }

    public func delete(_ account: String) throws {
        let status = SecItemDelete(baseQuery(account) as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else {
            throw Failure(status: status)
        }
    }

    private func baseQuery(_ account: String) -> [String: Any] {
        var query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
            kSecUseDataProtectionKeychain as String: true,
        ]
        if let accessGroup { query[kSecAttrAccessGroup as String] = accessGroup }
        return query
    }
}
