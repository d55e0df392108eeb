import InnomedServices
import SwiftUI

/// On the GP's request, under its status: the next step of its routing as the core says it
/// stands. "Relance prévue à 14:00 vers Dr Bruno Derme" (planned), "Relancée vers Dr Bruno
/// Derme à 14:00" (sent), "Relance annulée : demande prise" (cancelled); "vers le coordinateur
/// seulement" when nobody else is on duty.
struct NextStepCard: View {
    let line: NextStepLine
    /// The case's own names, for a specialist the directory does not name (once invited, the
    /// case's members list knows them).
    let caseNames: MemberNames

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Label(sentence, systemImage: symbol)
                .font(.caption)
            if line.state == .planned {
                Text("nextStep.note").font(.caption2).foregroundStyle(.secondary)
            }
        }
        .frame(maxWidth: .infinity, alignment: .leading)
        .padding(.horizontal)
        .padding(.vertical, 6)
        .background(background)
        .accessibilityElement(children: .combine)
    }

    private var sentence: String {
        switch line.state {
        case .planned:
            return line.toCoordinatorOnly
                ? L10n.format("nextStep.planned.coordinator", when)
                : L10n.format("nextStep.planned", when, specialists)
        case .sent:
            return line.toCoordinatorOnly
                ? L10n.format("nextStep.sent.coordinator", when)
                : L10n.format("nextStep.sent", specialists, when)
        case .cancelled:
            return L10n.string("nextStep.cancelled")
        }
    }

    private var symbol: String {
        switch line.state {
        case .planned: return "clock.arrow.circlepath"
        case .sent: return "arrowshape.turn.up.right"
        case .cancelled: return "checkmark.circle"
        }
    }

    private var background: Color {
        switch line.state {
        case .planned: return Color.accentColor.opacity(0.08)
        case .sent: return Color.orange.opacity(0.1)
        case .cancelled: return Color.secondary.opacity(0.08)
        }
    }

    /// "Dr Bruno Derme et Dr Léa Lefèvre": the directory's names, else the case's, else the id.
    private var specialists: String {
        let names = line.specialists.map { person in
            person.member != nil ? person.shownName : caseNames.name(of: person.userID)
        }
        return ListFormatter.localizedString(byJoining: names)
    }

    /// "à 14:00" today, "le 12 mars à 14:00" another day.
    private var when: String {
        NextStepTime.phrase(line.at)
    }
}

/// When a next step goes (or went) out, within a sentence.
enum NextStepTime {
    static func phrase(_ date: Date, calendar: Calendar = .current) -> String {
        let time = date.formatted(date: .omitted, time: .shortened)
        if calendar.isDateInToday(date) {
            return L10n.format("nextStep.time.today", time)
        }
        return L10n.format("nextStep.time.day", date.formatted(.dateTime.day().month(.wide)), time)
    }
}
