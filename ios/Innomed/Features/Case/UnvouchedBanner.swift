import InnomedServices
import SwiftUI

/// A warning above the conversation while the case has members nobody can vouch for: each
/// one's name with their full id beside it (a name in a profile is whatever its owner typed) and,
/// in words, why (joined without a member's invitation, no verified identity, or neither verified
/// by the doctor nor attested by their CPTS). While the core allows it, a member not confirmed
/// yet has a button to confirm them.
struct UnvouchedBanner: View {
    let members: [UnvouchedMember]
    /// Who is who, from the case's members.
    let names: MemberNames
    /// The core allows the doctor to confirm members (`CaseAction.confirmMember`).
    var canConfirm = false
    /// The member being confirmed: the buttons wait.
    var confirming: UserID?
    var onConfirm: (UserID) -> Void = { _ in }

    var body: some View {
        if !members.isEmpty {
            VStack(alignment: .leading, spacing: 4) {
                Label("unvouched.title", systemImage: "exclamationmark.triangle.fill").font(.callout.bold())
                Text("unvouched.intro").font(.caption)
                ForEach(members, id: \.user) { member in
                    HStack(alignment: .firstTextBaseline) {
                        Text(verbatim: L10n.format(member.reason.labelKey, names.nameAndID(of: member.user)))
                            .font(.caption)
                        if canConfirm, member.reason == .notConfirmed {
                            Spacer()
                            Button("unvouched.confirm") { onConfirm(member.user) }
                                .font(.caption.bold())
                                .buttonStyle(.bordered)
                                .disabled(confirming != nil)
                                .accessibilityHint(Text(verbatim: names.nameAndID(of: member.user)))
                        }
                    }
                }
            }
            .foregroundStyle(.red)
            .frame(maxWidth: .infinity, alignment: .leading)
            .padding(.horizontal)
            .padding(.vertical, 6)
            .background(Color.red.opacity(0.08))
            // Each line on its own: a member's confirm button stays a button.
            .accessibilityElement(children: .contain)
        }
    }
}
