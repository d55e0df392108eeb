import InnomedServices
import SwiftUI

/// The shield beside a person's name, for the core's trust in their identity: filled green with
/// a tick when verified (or the doctor themself), the same shield in the accent blue when the
/// CPTS vouches for the identity (so that "I verified" and "my CPTS vouches" read apart), a grey
/// outline when not verified yet, red with "!" and the warning written beside it when a verified
/// colleague's identity changed, grey and crossed when there is no identity to trust. Every
/// level has a shield, so that no absence has to be read; each is read aloud by its label.
struct TrustShield: View {
    let level: TrustLevel

    var body: some View {
        let label = L10n.string(level.labelKey)
        HStack(spacing: 4) {
            Image(systemName: level.symbolName)
                .foregroundStyle(level.color)
            if level == .changed {
                Text(verbatim: label)
                    .foregroundStyle(level.color)
                    .fixedSize(horizontal: false, vertical: true)
            }
        }
        .font(.caption)
        .accessibilityElement(children: .ignore)
        .accessibilityLabel(label)
    }
}

/// A name with its shield beside it, or below it when both do not fit on one line.
struct NameWithShield<Name: View>: View {
    let shield: TrustLevel?
    @ViewBuilder let name: () -> Name

    var body: some View {
        ViewThatFits(in: .horizontal) {
            HStack(alignment: .firstTextBaseline, spacing: 6) {
                name()
                if let shield { TrustShield(level: shield) }
            }
            VStack(alignment: .leading, spacing: 2) {
                name()
                if let shield { TrustShield(level: shield) }
            }
        }
    }
}

extension TrustLevel {
    /// SF Symbols: a filled shield with a tick (verified or attested, told apart by `color`), an
    /// outline, a filled shield with "!", a crossed one.
    var symbolName: String {
        switch self {
        case .verified: return "checkmark.shield.fill"
        case .attested: return "checkmark.shield.fill"
        case .unverified: return "shield"
        case .changed: return "exclamationmark.shield.fill"
        case .none: return "xmark.shield"
        }
    }

    var color: Color {
        switch self {
        case .verified: return .green
        case .attested: return .accentColor
        case .unverified: return .secondary
        case .changed: return .red
        case .none: return .gray
        }
    }
}
