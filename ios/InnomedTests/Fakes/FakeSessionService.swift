import Foundation
@testable import InnomedServices

final class FakeSessionService: SessionService {
    var onRestore: () async throws -> UserSession? = { try unstubbed("restore") }
    var onSignIn: (String, String, String) async throws -> UserSession = { _, _, _ in try unstubbed("signIn") }
    var onStartPsc: (String) async throws -> PscSignInPage = { _ in try unstubbed("startPscSignIn") }
    var onStartSync: () async throws -> Void = {}
    var onSignOut: () async throws -> Bool = { try unstubbed("signOut") }
    var signOutSignals = AsyncStream<Void> { _ in }
    var registeredTokens: [Data] = []

    func restore() async throws -> UserSession? { try await onRestore() }

    func signIn(homeserver: String, userID: String, password: String) async throws -> UserSession {
        try await onSignIn(homeserver, userID, password)
    }

    func startPscSignIn(homeserver: String) async throws -> PscSignInPage { try await onStartPsc(homeserver) }

    func startSync() async throws { try await onStartSync() }

    func signOut() async throws -> Bool { try await onSignOut() }

    func signedOutElsewhere() -> AsyncStream<Void> { signOutSignals }

    func registerForPush(deviceToken: Data, languageCode: String) async throws {
        registeredTokens.append(deviceToken)
    }

    /// The core's rule in short: `@local:server`.
    func isValidUserID(_ userID: String) -> Bool {
        userID.hasPrefix("@") && userID.contains(":") && userID.count > 3
    }
}
