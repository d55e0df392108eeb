import InnomedServices
import SwiftUI

/// Coordinator: "CPTS partenaires", the neighbouring CPTS whose specialists on duty take the
/// requests nobody here is on duty for, once both coordinations declared each other. The list
/// with each partner's agreement; the coordinator declares one (its space id and its
/// coordinator) and withdraws one; the core's refusal shows under the form, what was typed kept.
struct PartnersView: View {
    @StateObject private var viewModel: PartnersViewModel
    /// The partner whose withdrawal waits for confirmation.
    @State private var withdrawing: PartnerCpts?

    init(directory: DirectoryService, cpts: Cpts) {
        _viewModel = StateObject(wrappedValue: PartnersViewModel(directory: directory, cpts: cpts))
    }

    var body: some View {
        Form {
            Section {
                Text("partners.intro").font(.footnote).foregroundStyle(.secondary)
                if viewModel.loaded && !viewModel.isCoordinator {
                    Text("partners.readOnly").font(.footnote).foregroundStyle(.secondary)
                }
            }
            if viewModel.loaded {
                Section("partners.list") {
                    if viewModel.partners.isEmpty {
                        Text("partners.none").foregroundStyle(.secondary)
                    }
                    ForEach(viewModel.partners) { partner in row(partner) }
                }
            }
            if viewModel.loaded && viewModel.isCoordinator {
                declaration
            }
            if let key = viewModel.errorKey {
                Section { ErrorBanner(text: L10n.string(key)) }
            } else if let declared = viewModel.declared {
                Section {
                    if declared.agreed {
                        Label("partners.declared.agreed", systemImage: "checkmark.circle").foregroundStyle(.green)
                    } else {
                        Label("partners.declared.waiting", systemImage: "hourglass").foregroundStyle(.secondary)
                    }
                }
            }
        }
        .navigationTitle("partners.title")
        .navigationBarTitleDisplayMode(.inline)
        .overlay { if viewModel.isLoading && !viewModel.loaded { ProgressView() } }
        .refreshable { await viewModel.load() }
        .task { await viewModel.load() }
        .confirmationDialog("partners.withdraw.confirm", isPresented: Binding(
            get: { withdrawing != nil }, set: { if !$0 { withdrawing = nil } }
        ), titleVisibility: .visible, presenting: withdrawing) { partner in
            Button("partners.withdraw", role: .destructive) { Task { await viewModel.withdraw(partner) } }
        }
    }

    /// A partner: its name (its space id while the core cannot read the name), whether it
    /// declared this CPTS too, its coordinator; for the coordinator, "Retirer".
    private func row(_ partner: PartnerCpts) -> some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(verbatim: partner.name.isEmpty ? partner.spaceID.rawValue : partner.name).font(.headline)
            Group {
                if partner.agreed {
                    Label("partners.agreed", systemImage: "checkmark.circle.fill").foregroundStyle(.green)
                } else {
                    Label("partners.waiting", systemImage: "hourglass").foregroundStyle(.orange)
                }
            }
            .font(.subheadline)
            Text(L10n.format("partners.coordinatorLine", partner.coordinator.rawValue))
                .font(.caption).foregroundStyle(.secondary)
            Text(verbatim: partner.spaceID.rawValue).font(.caption2.monospaced()).foregroundStyle(.secondary)
            if viewModel.isCoordinator {
                HStack {
                    Button("partners.withdraw", role: .destructive) { withdrawing = partner }
                        .buttonStyle(.borderless)
                    if viewModel.withdrawing == partner.spaceID { ProgressView() }
                }
                .disabled(!viewModel.canEdit)
            }
        }
        .padding(.vertical, 2)
    }

    /// The coordinator's form: the partner's space id and its coordinator, then "Déclarer".
    private var declaration: some View {
        Section {
            field("partners.spaceID", prompt: "partners.spaceID.prompt", text: $viewModel.spaceID)
            field("partners.coordinator", prompt: "partners.coordinator.prompt", text: $viewModel.coordinator)
            Button {
                Task { await viewModel.declare() }
            } label: {
                HStack {
                    Text("partners.declare")
                    if viewModel.declaring { Spacer(); ProgressView() }
                }
            }
            .disabled(!viewModel.canDeclare)
        } header: {
            Text("partners.form")
        } footer: {
            Text("partners.form.footer")
        }
    }

    /// A field with its label shown above it (a form's text field shows only its prompt).
    private func field(_ label: LocalizedStringKey, prompt: LocalizedStringKey, text: Binding<String>) -> some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(label).font(.subheadline).foregroundStyle(.secondary).accessibilityHidden(true)
            TextField(label, text: text, prompt: Text(prompt))
                .textInputAutocapitalization(.never)
                .autocorrectionDisabled()
                .disabled(viewModel.declaring)
        }
    }
}
