import Combine
import Foundation
import InnomedServices

/// Sign-in: with Pro Santé Connect (the homeserver's address, then its page in the system's
/// authentication session, then the page's return handed to the core), or with a user id and
/// password (development: the CPTS homeservers offer Pro Santé Connect only).
@MainActor
final class SignInViewModel: ObservableObject {
    @Published var homeserver = "https://"
    @Published var userID = ""
    @Published var password = ""
    @Published private(set) var isSigningIn = false
    @Published private(set) var error: ServiceError?

    private let service: SessionService
    private let webAuthenticator: WebAuthenticator
    private let onSignedIn: @MainActor (UserSession) async -> Void

    /// `webAuthenticator` opens the page: the system's (`SystemWebAuthenticator`, given by the
    /// view), or a fake in tests.
    init(service: SessionService, webAuthenticator: WebAuthenticator,
         onSignedIn: @escaping @MainActor (UserSession) async -> Void) {
        self.service = service
        self.webAuthenticator = webAuthenticator
        self.onSignedIn = onSignedIn
    }

    /// Pro Santé Connect needs the CPTS homeserver's address only.
    var canSignInWithPsc: Bool {
        !isSigningIn && URL(string: trimmedHomeserver)?.host != nil
    }

    var canSignIn: Bool {
        canSignInWithPsc && service.isValidUserID(trimmedUserID) && !password.isEmpty
    }

    /// The homeserver's page in the system's private authentication session; its return goes
    /// to the core, which signs in or refuses. A page the doctor closed reads as a refused
    /// sign-in.
    func signInWithPsc() async {
        guard canSignInWithPsc else { return }
        await complete {
            let page = try await service.startPscSignIn(homeserver: trimmedHomeserver)
            let callback: URL
            do {
                callback = try await webAuthenticator.open(page.url, callbackScheme: ProSanteConnect.callbackScheme)
            } catch WebAuthenticationError.cancelled {
                throw ServiceError.signInRefused
            }
            return try await page.finish(callbackURL: callback)
        }
    }

    func signIn() async {
        guard canSignIn else { return }
        await complete {
            try await service.signIn(homeserver: trimmedHomeserver, userID: trimmedUserID,
                                     password: password)
        }
    }

    /// Runs one sign-in (PSC or password) and hands the session over, or shows its error.
    private func complete(_ signIn: () async throws -> UserSession) async {
        isSigningIn = true
        error = nil
        do {
            let session = try await signIn()
            password = ""
            isSigningIn = false
            await onSignedIn(session)
        } catch {
            self.error = ServiceError.from(error)
            isSigningIn = false
        }
    }

    private var trimmedHomeserver: String { homeserver.trimmingCharacters(in: .whitespacesAndNewlines) }
    private var trimmedUserID: String { userID.trimmingCharacters(in: .whitespacesAndNewlines) }
}
