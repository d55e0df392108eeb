import Foundation
import InnomedFFI

/// Signs in and restores through the core's `ClientBuilder`, with the session and store key in
/// the Keychain, and builds the signed-in doctor's services.
public final class RustSessionService: SessionService, @unchecked Sendable {
    /// The pusher's app id, as the push gateway knows this app.
    static let pushAppID = "fr.innomed.ios"

    private let secureStore = KeychainSecureStore()
    private let pushGateway: String?
    private let lock = NSLock()
    private var client: Client?

    /// `pushGateway`: the gateway's `…/_matrix/push/v1/notify` URL (Info.plist
    /// `InnomedPushGateway`).
    public init(pushGateway: String? = Bundle.main.object(forInfoDictionaryKey: "InnomedPushGateway") as? String) {
        self.pushGateway = pushGateway
    }

    public func restore() async throws -> UserSession? {
        guard let homeserver = secureStore.savedHomeserver() else { return nil }
        do {
            let builder = try RustCore.builder(homeserver: homeserver, secureStore: secureStore)
            return adopt(try await builder.restore())
        } catch AccountError.NotLoggedIn {
            return nil
        } catch {
            let mapped = ServiceError(rust: error)
            Log.session.error("restore failed: \(mapped.code, privacy: .public)")
            throw mapped
        }
    }

    public func signIn(homeserver: String, userID: String, password: String) async throws -> UserSession {
        let client = try await mapErrors {
            let builder = try RustCore.builder(homeserver: homeserver, secureStore: secureStore)
            return try await builder.login(userId: userID, password: password)
        }
        Log.session.info("signed in, device \(client.deviceId(), privacy: .public)")
        return adopt(client)
    }

    public func startPscSignIn(homeserver: String) async throws -> PscSignInPage {
        let signIn = try await mapErrors {
            let builder = try RustCore.builder(homeserver: homeserver, secureStore: secureStore)
            return try await builder.startPscSignIn(redirectUrl: ProSanteConnect.redirectURL)
        }
        // The system's authentication session opens web pages only.
        guard let url = URL(string: signIn.url()), url.scheme == "https" || url.scheme == "http" else {
            Log.session.error("Pro Santé Connect page is not a web address")
            throw ServiceError.internalFailure
        }
        return PscSignInPage(url: url) { [weak self] callback in
            guard let self else { throw ServiceError.closed }
            let client = try await mapErrors { try await signIn.finish(callbackUrl: callback.absoluteString) }
            Log.session.info("signed in with Pro Santé Connect, device \(client.deviceId(), privacy: .public)")
            return self.adopt(client)
        }
    }

    public func startSync() async throws {
        let client = try current()
        try await mapErrors { try await client.startSync() }
    }

    @discardableResult
    public func signOut() async throws -> Bool {
        let client = try current()
        lock.withLock { self.client = nil }
        do {
            return try await client.logout()
        } catch {
            // Without the store key the local stores cannot be read again: drop both.
            try? secureStore.deleteSession()
            try? secureStore.deleteStoreKey()
            throw ServiceError(rust: error)
        }
    }

    public func signedOutElsewhere() -> AsyncStream<Void> {
        AsyncStream { continuation in
            guard let client = try? current() else {
                continuation.finish()
                return
            }
            let listener = SignOutBridge { [weak self] in
                self?.lock.withLock { self?.client = nil }
                continuation.yield()
                continuation.finish()
            }
            do {
                let handle = try client.watchSignOut(listener: listener)
                continuation.onTermination = { _ in handle.cancel() }
            } catch {
                continuation.finish()
            }
        }
    }

    public func registerForPush(deviceToken: Data, languageCode: String) async throws {
        guard let gateway = pushGateway, !gateway.isEmpty else { throw ServiceError.invalidGatewayURL }
        let client = try current()
        // A generic device name: the phone's own name often carries the doctor's name.
        let config = PusherConfig(appId: Self.pushAppID, pushkey: deviceToken.base64EncodedString(),
                                  gatewayUrl: gateway, deviceName: "Innomed iOS",
                                  lang: languageCode == "en" ? "en" : "fr",
                                  platform: .ios)
        try await mapErrors { try await client.registerPusher(config: config) }
        Log.push.info("pusher registered")
    }

    public func isValidUserID(_ userID: String) -> Bool {
        InnomedFFI.isValidUserId(userId: userID)
    }

    private func current() throws -> Client {
        guard let client = lock.withLock({ self.client }) else { throw ServiceError.notLoggedIn }
        return client
    }

    private func adopt(_ client: Client) -> UserSession {
        lock.withLock { self.client = client }
        let account = Account(userID: UserID(client.userId()), deviceID: client.deviceId())
        // One for both services: a CPTS created from the directory is the requests' one too.
        let spaces = CptsSpaces(client: client)
        return UserSession(account: account,
                           cases: RustCaseService(client: client),
                           requests: RustRequestService(client: client, spaces: spaces),
                           directory: RustDirectoryService(client: client, spaces: spaces),
                           trust: RustTrustService(client: client),
                           search: RustSearchService(client: client))
    }
}
