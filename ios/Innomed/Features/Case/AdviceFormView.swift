import InnomedServices
import SwiftUI

/// The specialist's structured answer; the form stays open (with an alert) if it was not sent.
struct AdviceFormView: View {
    @ObservedObject var actions: CaseActionsViewModel
    @State private var card = Advice(assessment: "", recommendation: "", inPerson: .notNeeded)
    @Environment(\.dismiss) private var dismiss

    private var canSend: Bool {
        !actions.isWorking && !card.assessment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            && !card.recommendation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Something written that a swipe down would lose.
    private var hasText: Bool {
        !card.assessment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            || !card.recommendation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    var body: some View {
        NavigationStack {
            Form {
                Section("advice.assessment") {
                    TextField("advice.assessment.prompt", text: $card.assessment, axis: .vertical).lineLimit(3...10)
                }
                Section("advice.recommendation") {
                    TextField("advice.recommendation.prompt", text: $card.recommendation, axis: .vertical).lineLimit(3...10)
                }
                Section("advice.inPerson") {
                    Picker("advice.inPerson", selection: $card.inPerson) {
                        ForEach(InPerson.allCases, id: \.self) { Text(L10n.string($0.labelKey)).tag($0) }
                    }
                    .pickerStyle(.inline)
                    .labelsHidden()
                }
            }
            .navigationTitle("advice.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button("common.cancel") { dismiss() } }
                ToolbarItem(placement: .confirmationAction) {
                    Button("advice.send") {
                        Task { if await actions.sendAdvice(card) { dismiss() } }
                    }
                    .disabled(!canSend)
                }
            }
            // Shown over this sheet; the case screen below leaves it to this sheet while open.
            .errorAlert($actions.error)
        }
        .interactiveDismissDisabled(hasText)
    }
}
