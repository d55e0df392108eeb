import InnomedServices
import SwiftUI

/// The patient's header in a form that opens a case (a care team, a case between colleagues):
/// label, age band (to choose), sex, reason, question, and the consent to photos.
struct HeaderFormSection: View {
    @Binding var draft: HeaderDraft

    var body: some View {
        Section {
            TextField("request.patientLabel", text: $draft.patientLabel)
                .textInputAutocapitalization(.characters)
                .autocorrectionDisabled()
            Picker("request.age", selection: $draft.ageBand) {
                Text("caseForm.age.choose").tag(AgeBand?.none)
                ForEach(AgeBand.allCases, id: \.self) { band in
                    Text(L10n.string(band.labelKey)).tag(Optional(band))
                }
            }
            Picker("request.sex", selection: $draft.sex) {
                ForEach(Sex.allCases, id: \.self) { Text(L10n.string($0.labelKey)).tag($0) }
            }
            TextField("request.reason", text: $draft.reason)
            TextField("request.question", text: $draft.question, axis: .vertical)
                .lineLimit(3...8)
            Toggle("caseForm.photoConsent", isOn: $draft.photoConsent)
        } header: {
            Text("request.section.patient")
        } footer: {
            Text("request.patientLabel.footer")
        }
    }
}

/// The button that opens the case, "Ouverture…" while the core works, and the core's refusal
/// above it in words (what was typed stays).
struct OpenCaseSection: View {
    let title: LocalizedStringKey
    let isSubmitting: Bool
    let canSubmit: Bool
    /// The core's refusal, in words.
    let refusal: String?
    let submit: () -> Void

    var body: some View {
        if let refusal {
            Section { ErrorBanner(text: refusal) }
        }
        Section {
            Button(action: submit) {
                HStack {
                    if isSubmitting {
                        Text("caseForm.opening")
                        Spacer()
                        ProgressView()
                    } else {
                        Text(title)
                    }
                }
            }
            .disabled(!canSubmit)
        }
    }
}
