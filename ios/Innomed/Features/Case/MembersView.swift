import InnomedServices
import SwiftUI

/// Who is in the case or invited to it: each one's name as the core gives it (CPTS directory,
/// else profile, else user id) with the shield of this doctor's trust in their identity, the
/// user id smaller below it, their specialties, and, in red, why nobody can vouch for them when
/// the core says so.
struct MembersView: View {
    let lines: [CaseMemberLine]
    let specialties: [Specialty]
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        NavigationStack {
            List {
                if lines.isEmpty {
                    Text("members.none").foregroundStyle(.secondary)
                }
                ForEach(lines) { line in
                    row(line)
                }
            }
            .navigationTitle("members.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button("common.close") { dismiss() } }
            }
        }
    }

    private func row(_ line: CaseMemberLine) -> some View {
        let member = line.member
        let labels = member.specialties.compactMap { specialties.label(for: $0) }
        return VStack(alignment: .leading, spacing: 2) {
            NameWithShield(shield: member.trust) { Text(verbatim: member.displayName) }
            // The id is shown only when the name is not just the id again.
            if member.displayName != member.user.rawValue {
                Text(verbatim: member.user.rawValue).font(.caption).foregroundStyle(.secondary)
            }
            if !labels.isEmpty {
                Text(verbatim: labels.joined(separator: ", ")).font(.subheadline)
            }
            if member.membership == .invited {
                Text("members.invited").font(.caption).foregroundStyle(.secondary)
            }
            if let reason = line.unvouched {
                Label(L10n.string(reason.memberFlagKey), systemImage: "exclamationmark.triangle.fill")
                    .font(.caption)
                    .foregroundStyle(.red)
            }
        }
        .accessibilityElement(children: .combine)
    }
}
