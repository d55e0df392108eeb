import InnomedServices
import SwiftUI

/// A warning above the conversation while the case has members nobody can vouch for: each
/// one's full id and, in words, why (joined without a member's invitation, or no verified
/// identity).
struct UnvouchedBanner: View {
    let members: [UnvouchedMember]

    var body: some View {
        if !members.isEmpty {
            VStack(alignment: .leading, spacing: 4) {
                Label("unvouched.title", systemImage: "exclamationmark.triangle.fill").font(.callout.bold())
                Text("unvouched.intro").font(.caption)
                ForEach(members, id: \.user) { member in
                    Text(verbatim: L10n.format(member.reason.labelKey, member.user.rawValue)).font(.caption)
                }
            }
            .foregroundStyle(.red)
            .frame(maxWidth: .infinity, alignment: .leading)
            .padding(.horizontal)
            .padding(.vertical, 6)
            .background(Color.red.opacity(0.08))
            .accessibilityElement(children: .combine)
        }
    }
}
