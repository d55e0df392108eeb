import Foundation

/// Signing in, restoring, signing out, and what happens to the session from elsewhere.
public protocol SessionService: AnyObject {
    /// Reopens the account saved in the Keychain, without password or network; `nil` when
    /// there is none (first start, or signed out).
    func restore() async throws -> UserSession?

    /// Signs in on this device with the CPTS homeserver's address, a full user id and the
    /// password; the session goes to the Keychain. For development: the CPTS homeservers offer
    /// Pro Santé Connect only.
    func signIn(homeserver: String, userID: String, password: String) async throws -> UserSession

    /// Starts a sign-in with Pro Santé Connect on the CPTS homeserver: the page to open in the
    /// system's authentication session, which comes back to `ProSanteConnect.redirectURL`.
    /// Throws `proSanteConnectUnavailable` when the homeserver does not offer it.
    func startPscSignIn(homeserver: String) async throws -> PscSignInPage

    /// Starts syncing the signed-in account (cases, conversations, queued messages).
    func startSync() async throws

    /// Signs out: the homeserver revokes the session, every local file of the account and the
    /// Keychain items are deleted. Returns whether the homeserver confirmed.
    @discardableResult
    func signOut() async throws -> Bool

    /// Yields once if the homeserver revokes this session while the app runs (device deleted
    /// from another session, account deactivated); local data is already wiped then.
    func signedOutElsewhere() -> AsyncStream<Void>

    /// Registers this phone for content-free pushes (event ids only).
    func registerForPush(deviceToken: Data, languageCode: String) async throws

    /// What a sign-in form checks before enabling its button.
    func isValidUserID(_ userID: String) -> Bool
}
