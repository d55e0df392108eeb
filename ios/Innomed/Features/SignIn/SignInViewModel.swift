import Foundation
import InnomedServices

@MainActor
final class SignInViewModel: ObservableObject {
    @Published var homeserver = "https://"
    @Published var userID = ""
    @Published var password = ""
    @Published private(set) var isSigningIn = false
    @Published private(set) var error: ServiceError?

    private let service: SessionService
    private let onSignedIn: @MainActor (UserSession) async -> Void

    init(service: SessionService, onSignedIn: @escaping @MainActor (UserSession) async -> Void) {
        self.service = service
        self.onSignedIn = onSignedIn
    }

    var canSignIn: Bool {
        !isSigningIn && URL(string: trimmedHomeserver)?.host != nil
            && service.isValidUserID(trimmedUserID) && !password.isEmpty
    }

    func signIn() async {
        guard canSignIn else { return }
        isSigningIn = true
        error = nil
        do {
            let session = try await service.signIn(homeserver: trimmedHomeserver, userID: trimmedUserID,
                                                   password: password)
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
