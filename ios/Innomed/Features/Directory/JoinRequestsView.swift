import InnomedServices
import SwiftUI

/// Coordinator: who asked to join the CPTS, as Pro Santé Connect identified them.
struct JoinRequestsView: View {
    @StateObject private var viewModel: JoinRequestsViewModel
    @State private var refusing: JoinRequest?

    init(directory: DirectoryService, cpts: Cpts) {
        _viewModel = StateObject(wrappedValue: JoinRequestsViewModel(directory: directory, cpts: cpts))
    }

    var body: some View {
        List {
            if let approved = viewModel.approved {
                Section("joinRequests.approved") {
                    MemberRowView(member: approved, specialties: viewModel.specialties)
                }
            }
            Section {
                if viewModel.loaded && !viewModel.isCoordinator {
                    Text("joinRequests.coordinatorOnly").foregroundStyle(.secondary)
                } else if viewModel.loaded && viewModel.requests.isEmpty {
                    Text("joinRequests.none").foregroundStyle(.secondary)
                }
                ForEach(viewModel.requests) { request in row(request) }
            } footer: {
                Text("joinRequests.footer")
            }
        }
        .navigationTitle("joinRequests.title")
        .navigationBarTitleDisplayMode(.inline)
        .overlay { if viewModel.isLoading && !viewModel.loaded { ProgressView() } }
        .refreshable { await viewModel.load() }
        .task { await viewModel.load() }
        .confirmationDialog("joinRequests.refuse.confirm", isPresented: Binding(
            get: { refusing != nil }, set: { if !$0 { refusing = nil } }
        ), titleVisibility: .visible, presenting: refusing) { request in
            Button("joinRequests.refuse", role: .destructive) { Task { await viewModel.refuse(request) } }
        }
        .sheet(item: $viewModel.approving) { request in
            ApproveJoinRequestView(viewModel: viewModel, request: request)
        }
        // While the sheet is open, it shows the error itself.
        .errorAlert(Binding(
            get: { viewModel.approving == nil ? viewModel.error : nil },
            set: { viewModel.error = $0 }
        ))
    }

    private func row(_ request: JoinRequest) -> some View {
        VStack(alignment: .leading, spacing: 8) {
            PscIdentityView(request: request)
            HStack {
                if request.identity != nil {
                    Button("joinRequests.approve") { viewModel.startApproving(request) }
                        .buttonStyle(.borderedProminent)
                }
                Button("joinRequests.refuse", role: .destructive) { refusing = request }
                    .buttonStyle(.bordered)
                if viewModel.answering == request.userID { ProgressView() }
            }
            .disabled(viewModel.answering != nil)
        }
        .padding(.vertical, 4)
    }
}

/// Who asks: the name, national id and profession Pro Santé Connect gave; without an
/// identity, the account and why it cannot be approved.
struct PscIdentityView: View {
    let request: JoinRequest

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            if let identity = request.identity {
                Text(verbatim: identity.displayName.isEmpty ? request.userID.localPart : identity.displayName)
                    .font(.headline)
                Text(professionLabel(identity)).font(.subheadline).foregroundStyle(.secondary)
                Text(L10n.format("joinRequests.nationalID", identity.nationalID))
                    .font(.caption.monospaced()).foregroundStyle(.secondary)
            } else {
                Text(verbatim: request.userID.localPart).font(.headline)
                Label("joinRequests.noIdentity", systemImage: "exclamationmark.triangle")
                    .font(.subheadline).foregroundStyle(.orange)
            }
            Text(verbatim: request.userID.rawValue).font(.caption2).foregroundStyle(.secondary)
        }
        .accessibilityElement(children: .combine)
    }

    private func professionLabel(_ identity: PscIdentity) -> String {
        if let profession = identity.profession { return L10n.string(profession.labelKey) }
        return L10n.format("joinRequests.professionCode", identity.professionCode)
    }
}

/// The approval: the identity the entry will be filled from, the specialties served on duty,
/// retired or not.
private struct ApproveJoinRequestView: View {
    @ObservedObject var viewModel: JoinRequestsViewModel
    let request: JoinRequest

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    PscIdentityView(request: request)
                } header: {
                    Text("joinRequests.identity")
                } footer: {
                    Text("joinRequests.identity.footer")
                }
                Section {
                    ForEach(viewModel.specialties) { specialty in
                        Button {
                            viewModel.toggle(specialty)
                        } label: {
                            HStack {
                                Text(verbatim: specialty.label(languageCode: L10n.languageCode))
                                    .foregroundStyle(.primary)
                                Spacer()
                                if viewModel.chosenSpecialties.contains(specialty.code) {
                                    Image(systemName: "checkmark").foregroundStyle(.tint)
                                }
                            }
                        }
                        .accessibilityAddTraits(viewModel.chosenSpecialties.contains(specialty.code) ? .isSelected : [])
                    }
                } header: {
                    Text("joinRequests.specialties")
                } footer: {
                    Text("joinRequests.specialties.footer")
                }
                Section {
                    Toggle("directory.retired", isOn: $viewModel.retired)
                }
                if let error = viewModel.error {
                    Section { ErrorBanner(error: error) }
                }
            }
            .navigationTitle("joinRequests.approve.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("common.cancel") {
                        viewModel.error = nil
                        viewModel.approving = nil
                    }
                }
                ToolbarItem(placement: .confirmationAction) {
                    if viewModel.answering != nil {
                        ProgressView()
                    } else {
                        Button("joinRequests.approve") { Task { await viewModel.confirmApproval() } }
                            .disabled(!viewModel.canConfirmApproval)
                    }
                }
            }
            .interactiveDismissDisabled(viewModel.answering != nil)
        }
    }
}
