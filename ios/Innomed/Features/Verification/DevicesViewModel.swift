import Combine
import Foundation
import InnomedServices

/// A doctor's devices (the doctor's own, or a colleague's) and whether they are verified.
@MainActor
final class DevicesViewModel: ObservableObject {
    let user: UserID
    @Published private(set) var devices: [DeviceInfo] = []
    @Published private(set) var userVerified: Bool?
    @Published private(set) var isLoading = false
    @Published var error: ServiceError?

    let trust: TrustService

    init(trust: TrustService, user: UserID) {
        self.trust = trust
        self.user = user
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
