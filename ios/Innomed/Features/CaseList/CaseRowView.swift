import InnomedServices
import SwiftUI

struct CaseRowView: View {
    let row: CaseSummary
    let specialty: String?

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            HStack {
                Text(row.code).font(.headline.monospaced())
                if row.muted { MutedIndicator() }
                Spacer()
                if row.unread > 0 {
                    Text(row.unread, format: .number)
                        .font(.caption.bold())
                        .padding(.horizontal, 7)
                        .padding(.vertical, 2)
                        .background(Color.accentColor, in: Capsule())
                        .foregroundStyle(.white)
                        .accessibilityLabel(L10n.format("cases.unread", row.unread))
                }
            }
            HStack(spacing: 6) {
                if let status = row.status {
                    Badge(text: L10n.string(status.labelKey), color: .accentColor)
                }
                if let specialty { Text(specialty).font(.subheadline) }
                if row.urgency != .routine {
                    Badge(text: L10n.string(row.urgency.labelKey), color: row.urgency.color)
                }
            }
            // The deadline as the core saw it when the row was made (a request's only).
            if let due = row.due, row.deadline?.state != .done {
                HStack(spacing: 6) {
                    Text(L10n.format("cases.due", due.formatted(date: .abbreviated, time: .shortened)))
                        .font(.caption).foregroundStyle(.secondary)
                    if let deadline = row.deadline { DeadlineBadge(state: deadline.state) }
                }
            }
            if let last = row.lastMessage {
                Text(last).font(.subheadline).foregroundStyle(.secondary).lineLimit(1)
            }
        }
        .padding(.vertical, 2)
    }
}

struct InvitationRowView: View {
    let row: CaseSummary
    let specialty: String?
    let isBusy: Bool
    let accept: () -> Void
    let decline: () -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Text(row.code).font(.headline.monospaced())
            // Named as the core gives it (CPTS directory, else profile), the id's local part
            // only when the core gave no name.
            if row.showsInviterApart, let inviter = row.inviterLabel {
                Text(verbatim: L10n.format("cases.invitedBy", inviter)).font(.subheadline)
            }
            // A request routed to this specialist: who asks, and its brief, to decide (no patient
            // label).
            if let brief = row.brief {
                if let asker = row.askedByLabel {
                    Text(verbatim: L10n.format("cases.askedBy", asker)).font(.subheadline)
                }
                BriefSummary(brief: brief, specialty: specialty)
            } else if let specialty {
                Text(specialty).font(.caption).foregroundStyle(.secondary)
            }
            HStack {
                Button("cases.accept", action: accept).buttonStyle(.borderedProminent)
                Button("cases.decline", role: .destructive, action: decline).buttonStyle(.bordered)
                if isBusy { ProgressView() }
            }
            .disabled(isBusy)
        }
    }
}
