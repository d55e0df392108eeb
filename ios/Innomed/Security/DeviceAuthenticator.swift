import Foundation
import LocalAuthentication

/// Face ID / Touch ID with the device passcode as fallback.
public protocol DeviceAuthenticating: AnyObject {
    /// Whether the device has a passcode (and so can lock the app at all).
    func canAuthenticate() -> Bool
    /// `true` once the doctor authenticated; `false` if cancelled or failed.
    func authenticate(reason: String) async -> Bool
}

public final class DeviceAuthenticator: DeviceAuthenticating {
    public init() {}

    public func canAuthenticate() -> Bool {
        var error: NSError?
        return LAContext().canEvaluatePolicy(.deviceOwnerAuthentication, error: &error)
    }

    public func authenticate(reason: String) async -> Bool {
        // A fresh context each time: a previous success must not be reused.
        let context = LAContext()
        do {
            return try await context.evaluatePolicy(.deviceOwnerAuthentication, localizedReason: reason)
        } catch {
            Log.security.info("device authentication not completed")
            return false
        }
    }
}
