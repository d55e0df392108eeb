import InnomedServices
import SwiftUI

/// A new care team: the professionals picked from the CPTS's directory (found by name; the
/// picked ones on top, each taken off with its button), then the patient's header, as a
/// request's. The button waits for a member, a label, an age band and a question; the core's
/// refusal shows above it. Once the team is open, `onCreated` opens its case.
struct CareTeamView: View {
    @StateObject private var viewModel: CareTeamViewModel
    @Environment(\.dismiss) private var dismiss
    private let onCreated: (CaseID) -> Void

    init(session: UserSession, cpts: Cpts, onCreated: @escaping (CaseID) -> Void) {
        _viewModel = StateObject(wrappedValue: CareTeamViewModel(session: session, cpts: cpts))
        self.onCreated = onCreated
    }

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    if viewModel.members.isEmpty {
                        Text("careTeam.members.hint").foregroundStyle(.secondary)
                    }
                    ForEach(viewModel.members) { member in
                        HStack {
                            Text(member.displayName)
                            Spacer()
                            Button(role: .destructive) {
                                viewModel.toggle(member)
                            } label: {
                                Image(systemName: "minus.circle.fill")
                            }
                            .buttonStyle(.borderless)
                            .accessibilityLabel(Text(L10n.format("careTeam.remove", member.displayName)))
                        }
                    }
                } header: {
                    Text("careTeam.members")
                } footer: {
                    Text("careTeam.hint")
                }
                DirectorySection(viewModel: viewModel)
                HeaderFormSection(draft: $viewModel.draft)
                OpenCaseSection(title: "careTeam.submit", isSubmitting: viewModel.isSubmitting,
                                canSubmit: viewModel.canSubmit, refusal: viewModel.errorKey.map(L10n.string)) {
                    Task { await viewModel.submit() }
                }
            }
            .disabled(viewModel.isSubmitting)
            .navigationTitle("careTeam.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("common.cancel") { dismiss() }
                        .disabled(viewModel.isSubmitting)
                }
            }
            .interactiveDismissDisabled(viewModel.isSubmitting)
            .task(id: viewModel.query) { await viewModel.search(pausing: !viewModel.query.isEmpty) }
            .onChange(of: viewModel.created) { created in
                if let created { onCreated(created) }
            }
        }
    }
}

/// The directory as the core lists it for the name typed: each professional with their
/// profession and specialties; the whole row picks them or takes them off.
private struct DirectorySection: View {
    @ObservedObject var viewModel: CareTeamViewModel

    var body: some View {
        Section("careTeam.directory") {
            TextField("careTeam.search", text: $viewModel.query)
                .autocorrectionDisabled()
            if let error = viewModel.searchError {
                ErrorBanner(error: error)
                Button("common.retry") { Task { await viewModel.search(pausing: false) } }
            }
            if viewModel.isSearching && viewModel.results.isEmpty {
                ProgressView()
            }
            ForEach(viewModel.results) { entry in
                Button {
                    viewModel.toggle(entry)
                } label: {
                    HStack {
                        Image(systemName: viewModel.isPicked(entry) ? "checkmark.circle.fill" : "circle")
                            .foregroundStyle(.tint)
                            .accessibilityHidden(true)
                        MemberRowView(member: entry, specialties: viewModel.specialties)
                            .foregroundStyle(.primary)
                    }
                }
                .accessibilityAddTraits(viewModel.isPicked(entry) ? .isSelected : [])
            }
        }
    }
}
