import Foundation
@testable import Innomed

/// The system's authentication session, scripted: what the page came back to, or how it ended.
@MainActor
final class FakeWebAuthenticator: WebAuthenticator {
    var onOpen: (URL, String) async throws -> URL = { _, _ in try unstubbed("open") }
    private(set) var opened: [(url: URL, callbackScheme: String)] = []

    func open(_ url: URL, callbackScheme: String) async throws -> URL {
        opened.append((url: url, callbackScheme: callbackScheme))
        return try await onOpen(url, callbackScheme)
    }
}
