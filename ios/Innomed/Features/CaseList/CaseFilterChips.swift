import InnomedServices
import SwiftUI

/// The chips above the case list, in a row that scrolls sideways: the one picked is filled.
struct CaseFilterChips: View {
    let selected: CaseListChip
    let select: (CaseListChip) -> Void

    var body: some View {
        ScrollView(.horizontal, showsIndicators: false) {
            HStack(spacing: 8) {
                ForEach(CaseListChip.allCases, id: \.self) { chip in
                    chipButton(chip)
                }
            }
            .padding(.horizontal)
            .padding(.vertical, 6)
        }
    }

    private func chipButton(_ chip: CaseListChip) -> some View {
        let isSelected = chip == selected
        return Button { select(chip) } label: {
            Text(L10n.string(chip.labelKey))
                .font(.subheadline.weight(isSelected ? .semibold : .regular))
                .padding(.horizontal, 12)
                .padding(.vertical, 6)
                .background(isSelected ? Color.accentColor : Color.secondary.opacity(0.12), in: Capsule())
                .foregroundStyle(isSelected ? Color.white : Color.primary)
        }
        .buttonStyle(.plain)
        .accessibilityAddTraits(isSelected ? .isSelected : [])
    }
}
