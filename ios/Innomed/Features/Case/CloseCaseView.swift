import InnomedServices
import SwiftUI

/// The requesting GP closes an answered request; the report (JSON and PDF) stays on the phone.
struct CloseCaseView: View {
    @ObservedObject var actions: CaseActionsViewModel
    @State private var outcome = ""
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    TextField("close.outcome", text: $outcome, axis: .vertical).lineLimit(2...6)
                } footer: {
                    Text("close.footer")
                }
                if let report = actions.report {
                    Section("close.report") {
                        ShareLink(item: report.pdfURL) { Label("close.report.pdf", systemImage: "doc.richtext") }
                        ShareLink(item: report.jsonURL) { Label("close.report.json", systemImage: "curlybraces") }
                    }
                }
            }
            .navigationTitle("close.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button("common.close") { dismiss() } }
                ToolbarItem(placement: .confirmationAction) {
                    Button("close.action") {
                        Task { await actions.closeWithReport(outcome: outcome.trimmingCharacters(in: .whitespacesAndNewlines)) }
                    }
                    .disabled(actions.isWorking || actions.report != nil
                              || outcome.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
                }
            }
            // Shown over this sheet: the case screen below cannot present it.
            .errorAlert($actions.error)
        }
    }
}
