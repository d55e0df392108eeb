import Foundation

/// Which screen follows sign-in: create the recovery key, enter it, nothing, or wait.
public enum RecoveryStatus: Hashable, Sendable, Identifiable {
    case unknown, disabled, enabled, incomplete

    public var id: Self { self }
}

/// How far this doctor can trust a person's identity, as the core decides it: the shield beside
/// a case member's name and beside the sender of a message.
public enum TrustLevel: CaseIterable, Sendable {
    /// Verified by this doctor (emojis compared), or the doctor themself.
    case verified
    /// Vouched for by the coordinator of a CPTS this doctor belongs to (and whom this doctor
    /// verified), with the identity the coordinator attested: verified on the CPTS's word.
    case attested
    /// The identity first seen for this colleague, not verified by this doctor.
    case unverified
    /// A colleague this doctor verified now shows another identity: what is sent to them waits
    /// until the doctor acknowledges it.
    case changed
    /// No identity to trust: no cross-signing (a foreign or old client), a device its owner did
    /// not sign, or, for a message, one that came in clear or could not be decrypted. Written
    /// `TrustLevel.none` wherever a `TrustLevel?` is expected (`.none` there is `nil`).
    case none
}

/// One of the seven emojis of a verification (the same emoji may come twice).
public struct SasEmoji: Equatable, Sendable {
    /// Its place (0–63) in the spec's table: the screen shows the name from its own strings.
    public let index: Int
    public let symbol: String
    /// The spec's English name, shown only if `index` is outside the table.
    public let name: String

    public init(index: Int, symbol: String, name: String) {
        self.index = index
        self.symbol = symbol
        self.name = name
    }
}

public enum VerificationState: Equatable, Sendable {
    case requested
    case ready
    case starting
    case emojis([SasEmoji])
    case confirmed
    case done
    case cancelled(reason: String)

    public var isFinal: Bool {
        switch self {
        case .done, .cancelled: return true
        default: return false
        }
    }
}

/// A device of a user, and whether this doctor trusts it.
public struct DeviceInfo: Identifiable, Equatable, Sendable {
    public let deviceID: String
    public let verified: Bool
    public let crossSignedByOwner: Bool
    public var id: String { deviceID }

    public init(deviceID: String, verified: Bool, crossSignedByOwner: Bool) {
        self.deviceID = deviceID
        self.verified = verified
        self.crossSignedByOwner = crossSignedByOwner
    }
}
