import Combine
import Foundation
import InnomedServices

/// A doctor's devices (the doctor's own, or a colleague's) and whether they are verified.
@MainActor
final class DevicesViewModel: ObservableObject {
    let user: UserID
    /// The name to show above the user id when there is one other than the id (a case's members
    /// list gives it: the CPTS directory's, else the profile's); `nil`: the id alone.
    let name: String?
    @Published private(set) var devices: [DeviceInfo] = []
    @Published private(set) var userVerified: Bool?
    @Published private(set) var isLoading = false
    @Published var error: ServiceError?

    let trust: TrustService

    init(trust: TrustService, user: UserID, displayName: String? = nil) {
        self.trust = trust
        self.user = user
        // Shown only when it says more than the id: neither blank nor the id again.
        let name = displayName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.name = name.isEmpty || name == user.rawValue ? nil : name
    }

    func load() async {
        isLoading = true
        defer { isLoading = false }
        do {
            devices = try await trust.devices(of: user)
            userVerified = try await trust.isVerified(user)
        } catch {
            self.error = ServiceError.from(error)
        }
    }
}
