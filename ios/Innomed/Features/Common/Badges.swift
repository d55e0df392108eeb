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

extension DeadlineStatus {
    var color: Color {
        switch self {
        case .onTime: return .secondary
        case .dueSoon: return .orange
        case .overdue: return .red
        case .done: return .green
        }
    }
}

extension UrgencyLevel {
    var color: Color {
        switch self {
        case .routine: return .secondary
        case .soon: return .orange
        case .urgent: return .red
        }
    }
}
