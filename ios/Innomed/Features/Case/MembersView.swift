import InnomedServices
import SwiftUI

/// Who is in the case or invited to it: each one's name as the core gives it (CPTS directory,
/// else profile, else user id) with the shield of this doctor's trust in their identity, the
/// user id smaller below it, their specialties, in red why nobody can vouch for them when the
/// core says so, and "Vérifier (émojis)" beside a joined colleague this doctor has not verified
/// (`CaseMemberLine.canVerify`): their devices, named as the case names them.
struct MembersView: View {
    let lines: [CaseMemberLine]
    let specialties: [Specialty]
    let trust: TrustService
    /// Back from a colleague's devices: the members (and their shields) are read again.
    var onVerificationClosed: () -> Void = {}
    /// The colleague whose devices are open, on top of the list.
    @State private var path: [UserID] = []
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        NavigationStack(path: $path) {
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
            .navigationDestination(for: UserID.self) { user in
                DevicesView(trust: trust, user: user,
                            displayName: lines.first { $0.id == user }?.member.displayName)
                    .onDisappear(perform: onVerificationClosed)
            }
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button("common.close") { dismiss() } }
            }
        }
    }

    private func row(_ line: CaseMemberLine) -> some View {
        let member = line.member
        let labels = member.specialties.compactMap { specialties.label(for: $0) }
        return VStack(alignment: .leading, spacing: 4) {
            VStack(alignment: .leading, spacing: 2) {
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
            // With the colleague beside them or on the phone: seven emojis compared, once for
            // every case. Borderless, so that only the button opens it, not the whole row.
            if line.canVerify {
                Button("members.verify") { path.append(member.user) }
                    .buttonStyle(.borderless)
                    .accessibilityLabel(L10n.format("members.verify.accessibility", member.displayName))
            }
        }
    }
}
