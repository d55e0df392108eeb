import InnomedServices
import SwiftUI

/// A small coloured capsule (status, urgency, deadline).
struct Badge: View {
    let text: String
    let color: Color

    var body: some View {
        Text(text)
            .font(.caption2.weight(.semibold))
            .padding(.horizontal, 6)
            .padding(.vertical, 2)
            .background(color.opacity(0.15), in: Capsule())
            .foregroundStyle(color)
    }
}

/// The doctor muted this case: none of their phones rings for it (read aloud in words).
struct MutedIndicator: View {
    var body: some View {
        Image(systemName: "bell.slash")
            .font(.caption)
            .foregroundStyle(.secondary)
            .accessibilityLabel(Text("cases.muted"))
    }
}

/// A request's deadline as the core says it stands: a badge when overdue or due soon, nothing
/// otherwise.
struct DeadlineBadge: View {
    let state: DeadlineState

    var body: some View {
        if state == .overdue || state == .dueSoon {
            Badge(text: L10n.string(state.labelKey), color: state.color)
        }
    }
}

extension DeadlineState {
    var color: Color {
        switch self {
        case .onTime: return .secondary
        case .dueSoon: return .orange
        case .overdue: return .red
        case .done: return .green
        }
    }
}

extension Urgency {
    var color: Color {
        switch self {
        case .routine: return .secondary
        case .soon: return .orange
        case .urgent: return .red
        }
    }
}
