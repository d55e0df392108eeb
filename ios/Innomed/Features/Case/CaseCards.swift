import InnomedServices
import SwiftUI

/// The case header: patient label, age band, sex, reason, question, consent.
struct HeaderCardView: View {
    let header: CaseHeader

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Label("case.header", systemImage: "person.text.rectangle").font(.caption.bold())
            Text(header.patientLabel).font(.headline)
            Text(verbatim: "\(L10n.string(header.ageBand.labelKey)) · \(L10n.string(header.sex.labelKey))")
                .font(.subheadline).foregroundStyle(.secondary)
            Text(header.reason)
            Text(header.question).italic()
            Label(LocalizedStringKey(header.photoConsent ? "case.consent.yes" : "case.consent.no"),
                  systemImage: header.photoConsent ? "checkmark.shield" : "xmark.shield")
                .font(.caption)
        }
        .padding(12)
        .frame(maxWidth: .infinity, alignment: .leading)
        .background(Color(.secondarySystemBackground), in: RoundedRectangle(cornerRadius: 12))
    }
}

/// The specialist's structured advice.
struct AdviceCardView: View {
    let advice: Advice
    /// The specialist's name, as the case's members list gives it.
    let senderName: String
    let date: Date

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Label("case.advice", systemImage: "stethoscope").font(.caption.bold()).foregroundStyle(.tint)
            Text("advice.assessment").font(.caption).foregroundStyle(.secondary)
            Text(advice.assessment)
            Text("advice.recommendation").font(.caption).foregroundStyle(.secondary)
            Text(advice.recommendation)
            Badge(text: L10n.string(advice.inPerson.labelKey), color: advice.inPerson == .urgent ? .red : .accentColor)
            Text(verbatim: "\(senderName) · \(date.formatted(date: .abbreviated, time: .shortened))")
                .font(.caption2).foregroundStyle(.secondary)
        }
        .padding(12)
        .frame(maxWidth: .infinity, alignment: .leading)
        .overlay(RoundedRectangle(cornerRadius: 12).stroke(Color.accentColor, lineWidth: 1.5))
    }
}
