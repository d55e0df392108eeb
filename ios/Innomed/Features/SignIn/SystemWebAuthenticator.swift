import AuthenticationServices
import UIKit

/// The system's authentication session (`ASWebAuthenticationSession`), private: no cookie of
/// Safari is used and none is kept, so each sign-in asks for the card again and nothing of it
/// stays on the phone.
@MainActor
final class SystemWebAuthenticator: WebAuthenticator {
    func open(_ url: URL, callbackScheme: String) async throws -> URL {
        let page = AuthenticationPage(anchor: Self.presentationAnchor())
        return try await withCheckedThrowingContinuation { continuation in
            page.start(url: url, callbackScheme: callbackScheme, continuation: continuation)
        }
    }

    /// The window the page slides over: the key window of the app's scenes.
    private static func presentationAnchor() -> ASPresentationAnchor {
        let windows = UIApplication.shared.connectedScenes
            .compactMap { $0 as? UIWindowScene }
            .flatMap(\.windows)
        return windows.first(where: \.isKeyWindow) ?? windows.first ?? ASPresentationAnchor()
    }
}

/// One page: keeps the system's session alive until it ends and resumes its caller once,
/// whichever way it ends (the session's handler, or a start that failed).
private final class AuthenticationPage: NSObject, ASWebAuthenticationPresentationContextProviding,
    @unchecked Sendable {
    private let anchor: ASPresentationAnchor
    private let lock = NSLock()
    private var session: ASWebAuthenticationSession?
    private var continuation: CheckedContinuation<URL, Error>?

    init(anchor: ASPresentationAnchor) {
        self.anchor = anchor
    }

    /// On the main thread.
    func start(url: URL, callbackScheme: String, continuation: CheckedContinuation<URL, Error>) {
        let session = ASWebAuthenticationSession(url: url, callbackURLScheme: callbackScheme) { callbackURL, error in
            if let callbackURL {
                self.end(.success(callbackURL))
            } else if let error = error as? ASWebAuthenticationSessionError, error.code == .canceledLogin {
                self.end(.failure(WebAuthenticationError.cancelled))
            } else {
                self.end(.failure(WebAuthenticationError.failed))
            }
        }
        session.presentationContextProvider = self
        session.prefersEphemeralWebBrowserSession = true
        lock.withLock {
            self.session = session
            self.continuation = continuation
        }
        if !session.start() {
            end(.failure(WebAuthenticationError.failed))
        }
    }

    func presentationAnchor(for session: ASWebAuthenticationSession) -> ASPresentationAnchor {
        anchor
    }

    private func end(_ result: Result<URL, Error>) {
        let waiting: CheckedContinuation<URL, Error>? = lock.withLock {
            let pending = continuation
            continuation = nil
            session = nil
            return pending
        }
        waiting?.resume(with: result)
    }
}
