import InnomedServices
import SwiftUI

/// The specialist's structured answer.
struct AdviceFormView: View {
    let onSend: (AdviceCard) async -> Void
    @State private var card = AdviceCard(assessment: "", recommendation: "", visit: .notNeeded)
    @State private var isSending = false
    @Environment(\.dismiss) private var dismiss

    private var canSend: Bool {
        !isSending && !card.assessment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            && !card.recommendation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
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
                Section("advice.visit") {
                    Picker("advice.visit", selection: $card.visit) {
                        ForEach(VisitNeed.allCases, id: \.self) { Text(L10n.string($0.labelKey)).tag($0) }
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
                        Task {
                            isSending = true
                            await onSend(card)
                            isSending = false
                            dismiss()
                        }
                    }
                    .disabled(!canSend)
                }
            }
        }
    }
}
