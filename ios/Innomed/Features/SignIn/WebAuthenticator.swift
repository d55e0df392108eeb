import Foundation

/// Opens a sign-in page and returns the address it came back to (the app's callback scheme).
/// The view model holds only this; the view hands it the system's page
/// (`SystemWebAuthenticator`, UIKit), the tests a fake.
@MainActor
protocol WebAuthenticator: AnyObject {
    /// Throws `WebAuthenticationError.cancelled` when the doctor closes the page.
    func open(_ url: URL, callbackScheme: String) async throws -> URL
}

enum WebAuthenticationError: Error, Equatable {
    /// The doctor closed the page (or cancelled the system's prompt) before it came back.
    case cancelled
    /// The system could not show the page.
    case failed
}
