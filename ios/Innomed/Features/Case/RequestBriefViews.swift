import InnomedServices
import SwiftUI

/// What a specialist a request is routed to reads before taking it: who asks (by name), and the
/// brief. No patient label: the whole case goes only to the specialist who takes the request.
struct RequestBriefCard: View {
    let brief: RequestBrief
    /// The requesting doctor's name, as the case's members list gives it.
    let requesterName: String
    let specialty: String?

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text("brief.title").font(.callout.bold())
            Text(verbatim: L10n.format("brief.from", requesterName)).font(.caption)
            BriefSummary(brief: brief, specialty: specialty)
            Text("brief.note").font(.caption).foregroundStyle(.secondary)
        }
        .frame(maxWidth: .infinity, alignment: .leading)
        .padding(.horizontal)
        .padding(.vertical, 6)
        .background(Color.accentColor.opacity(0.08))
        .accessibilityElement(children: .combine)
    }
}

/// The brief's lines: specialty, urgency and due date, age group and sex, the question. Also on
/// an invitation's row.
struct BriefSummary: View {
    let brief: RequestBrief
    let specialty: String?

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            HStack(spacing: 6) {
                if let specialty { Text(specialty).font(.subheadline) }
                if brief.urgency != .routine {
                    Badge(text: L10n.string(brief.urgency.labelKey), color: brief.urgency.color)
                }
                if let due = brief.due {
                    Text(L10n.format("cases.due", due.formatted(date: .abbreviated, time: .shortened)))
                        .font(.caption).foregroundStyle(.secondary)
                }
            }
            Text(verbatim: L10n.format("brief.patient", L10n.string(brief.ageBand.labelKey),
                                       L10n.string(brief.sex.labelKey)))
                .font(.caption)
            Text(verbatim: L10n.format("brief.question", brief.question)).font(.subheadline)
        }
    }
}

/// Above the conversation while nobody may write into the request: waiting for a specialist to
/// take it, or for the requesting doctor's device to hand the case over to the one who did.
struct HandoverBanner: View {
    let wait: HandoverWait?

    var body: some View {
        if let wait {
            Label(L10n.string(wait.labelKey), systemImage: "hourglass")
                .font(.caption)
                .frame(maxWidth: .infinity, alignment: .leading)
                .padding(.horizontal)
                .padding(.vertical, 6)
                .background(Color.orange.opacity(0.1))
                .accessibilityElement(children: .combine)
        }
    }
}

extension HandoverWait {
    var labelKey: String {
        switch self {
        case .notTaken: return "handover.notTaken"
        case .awaitingRequester: return "handover.awaitingRequester"
        case .confirmTaker: return "handover.confirmTaker"
        case .handingOver: return "handover.handingOver"
        }
    }
}
