import Foundation
import InnomedFFI

// The models of this module carry the core's names, so a generated type of the same name is
// always written with its module (`InnomedFFI.CaseStatus`); an unqualified name is this module's
// (InnomedServices), which shadows the imported one.

extension TrustLevel {
    /// Level by level, no `default`: a level the core adds fails the build here, not on screen.
    init(rustValue: InnomedFFI.TrustLevel) {
        switch rustValue {
        case .verified: self = .verified
        case .attested: self = .attested
        case .unverified: self = .unverified
        case .changed: self = .changed
        case .none: self = .none
        }
    }
}

extension RecoveryStatus {
    init(rustValue: InnomedFFI.RecoveryStatus) {
        switch rustValue {
        case .unknown: self = .unknown
        case .disabled: self = .disabled
        case .enabled: self = .enabled
        case .incomplete: self = .incomplete
        }
    }
}

extension VerificationState {
    init(rustValue: InnomedFFI.VerificationState) {
        switch rustValue {
        case .requested: self = .requested
        case .ready: self = .ready
        case .starting: self = .starting
        case .emojis(let emojis):
            self = .emojis(emojis.map { SasEmoji(index: Int($0.index), symbol: $0.symbol, name: $0.description) })
        case .confirmed: self = .confirmed
        case .done: self = .done
        case .cancelled(let reason): self = .cancelled(reason: reason)
        }
    }
}

extension DeviceInfo {
    init(rustValue d: InnomedFFI.DeviceInfo) {
        self.init(deviceID: d.deviceId, verified: d.verified, crossSignedByOwner: d.crossSignedByOwner)
    }
}
