import Foundation

/// Where the Pro Santé Connect page comes back to: the app's own address, caught by the
/// system's authentication session (not registered as a URL type: no other page can open the
/// app with it).
public enum ProSanteConnect {
    /// The scheme the authentication session waits for.
    public static let callbackScheme = "fr.innomed.app"
    /// The address the homeserver sends the page back to, with a one-time login token.
    public static let redirectURL = "fr.innomed.app:/psc"
}

/// A sign-in with Pro Santé Connect under way: the page to open, then its end with the address
/// the page came back to (it carries a one-time login token: never logged).
public final class PscSignInPage: @unchecked Sendable {
    /// The homeserver's page (`http` or `https`), leading to Pro Santé Connect.
    public let url: URL
    private let onFinish: (URL) async throws -> UserSession

    public init(url: URL, finish: @escaping (URL) async throws -> UserSession) {
        self.url = url
        onFinish = finish
    }

    /// Ends the sign-in: the core checks the token (`signInRefused` when it is missing,
    /// expired or already used) and keeps the session in the Keychain, as after a password
    /// sign-in.
    public func finish(callbackURL: URL) async throws -> UserSession {
        try await onFinish(callbackURL)
    }
}
