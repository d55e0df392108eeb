import InnomedServices
import SwiftUI

/// A new case between colleagues, without a CPTS: the colleagues by their identifier (typed,
/// then "Ajouter"; each taken off with its button), the urgency, then the patient's header, as a
/// request's. The button waits for a colleague, a label, an age band and a question. The core's
/// refusal of the case shows above it; refused invitations show in place of the form, each
/// colleague with the reason, the case being open all the same. `onCreated` opens the case.
struct ColleagueCaseView: View {
    @StateObject private var viewModel: ColleagueCaseViewModel
    @Environment(\.dismiss) private var dismiss
    private let onCreated: (CaseID) -> Void

    init(cases: CaseService, onCreated: @escaping (CaseID) -> Void) {
        _viewModel = StateObject(wrappedValue: ColleagueCaseViewModel(cases: cases))
        self.onCreated = onCreated
    }

    var body: some View {
        NavigationStack {
            Group {
                if viewModel.opened != nil && !viewModel.refused.isEmpty {
                    RefusedInvitationsView(refused: viewModel.refused) { viewModel.openCase() }
                } else {
                    form
                }
            }
            .navigationTitle("colleagueCase.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    // Once the case is open it is in the list: there is nothing to cancel.
                    if viewModel.opened == nil {
                        Button("common.cancel") { dismiss() }
                            .disabled(viewModel.isSubmitting)
                    }
                }
            }
            .interactiveDismissDisabled(viewModel.isSubmitting || viewModel.opened != nil)
            .onChange(of: viewModel.created) { created in
                if let created { onCreated(created) }
            }
        }
    }

    private var form: some View {
        Form {
            Section {
                HStack {
                    TextField("colleagueCase.userID", text: $viewModel.colleagueInput)
                        .textContentType(.username)
                        .textInputAutocapitalization(.never)
                        .autocorrectionDisabled()
                        .keyboardType(.emailAddress)
                        .onSubmit { viewModel.addColleague() }
                    Button("colleagueCase.add") { viewModel.addColleague() }
                        .buttonStyle(.borderless)
                        .disabled(!viewModel.canAddColleague)
                }
                ForEach(viewModel.colleagues, id: \.self) { colleague in
                    HStack {
                        Text(verbatim: colleague.rawValue)
                        Spacer()
                        Button(role: .destructive) {
                            viewModel.remove(colleague)
                        } label: {
                            Image(systemName: "minus.circle.fill")
                        }
                        .buttonStyle(.borderless)
                        .accessibilityLabel(Text(L10n.format("colleagueCase.remove", colleague.rawValue)))
                    }
                }
            } header: {
                Text("colleagueCase.colleagues")
            } footer: {
                Text(LocalizedStringKey(viewModel.colleagues.isEmpty ? "colleagueCase.colleagues.hint"
                                                                     : "colleagueCase.historyNote"))
            }
            Section {
                Picker("request.urgency", selection: $viewModel.urgency) {
                    ForEach(Urgency.allCases, id: \.self) { level in
                        Text(L10n.string(level.labelKey)).tag(level)
                    }
                }
                .pickerStyle(.segmented)
            } header: {
                Text("request.urgency")
            } footer: {
                Text("colleagueCase.hint")
            }
            HeaderFormSection(draft: $viewModel.draft)
            OpenCaseSection(title: "colleagueCase.submit", isSubmitting: viewModel.isSubmitting,
                            canSubmit: viewModel.canSubmit, refusal: viewModel.error?.message) {
                Task { await viewModel.submit() }
            }
        }
        .disabled(viewModel.isSubmitting)
    }
}

/// The case is open, but not everyone is in it: who, why, and where to invite them again.
private struct RefusedInvitationsView: View {
    let refused: [RefusedInvitation]
    let open: () -> Void

    var body: some View {
        Form {
            Section {
                Label("colleagueCase.opened", systemImage: "checkmark.circle.fill")
                    .font(.headline)
                    .foregroundStyle(.green)
            }
            Section {
                ForEach(refused) { refusal in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(verbatim: refusal.colleague.rawValue).font(.headline)
                        ErrorBanner(error: refusal.error)
                    }
                    .accessibilityElement(children: .combine)
                }
            } header: {
                Text("colleagueCase.refused")
            } footer: {
                Text("colleagueCase.retryHint")
            }
            Section {
                Button("colleagueCase.open", action: open)
            }
        }
    }
}
