import InnomedServices
import SwiftUI

/// A doctor in no CPTS creates one and becomes its coordinator; the core's refusal shows under
/// the name. Once created, the CPTS's id, to select or share with whoever asks to join.
struct CreateCptsView: View {
    @StateObject private var viewModel: CreateCptsViewModel
    @Environment(\.dismiss) private var dismiss

    init(directory: DirectoryService, onCreated: @escaping @MainActor (Cpts) async -> Void) {
        _viewModel = StateObject(wrappedValue: CreateCptsViewModel(directory: directory, onCreated: onCreated))
    }

    var body: some View {
        NavigationStack {
            Form {
                if let created = viewModel.created {
                    CreatedCptsSection(cpts: created)
                } else {
                    Section {
                        TextField("createCpts.name", text: $viewModel.name)
                            .autocorrectionDisabled()
                            .submitLabel(.done)
                            .onSubmit { Task { await viewModel.create() } }
                        if let error = viewModel.error {
                            ErrorBanner(error: error)
                        }
                    } footer: {
                        Text("createCpts.hint")
                    }
                    Section {
                        Button {
                            Task { await viewModel.create() }
                        } label: {
                            HStack {
                                Text("createCpts.action")
                                if viewModel.isCreating { Spacer(); ProgressView() }
                            }
                        }
                        .disabled(!viewModel.canCreate)
                    }
                }
            }
            .disabled(viewModel.isCreating)
            .navigationTitle("createCpts.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    if viewModel.created == nil {
                        Button("common.cancel") { dismiss() }
                            .disabled(viewModel.isCreating)
                    }
                }
                ToolbarItem(placement: .confirmationAction) {
                    if viewModel.created != nil {
                        Button("common.done") { dismiss() }
                    }
                }
            }
            .interactiveDismissDisabled(viewModel.isCreating)
        }
    }
}

/// The CPTS just created: the doctor coordinates it, and its id is what they give the
/// professionals who ask to join (selectable, or shared).
private struct CreatedCptsSection: View {
    let cpts: Cpts

    var body: some View {
        Section {
            Text(L10n.format("createCpts.created", cpts.name))
            Text(verbatim: cpts.id.rawValue)
                .font(.body.monospaced())
                .textSelection(.enabled)
            ShareLink(item: cpts.id.rawValue) {
                Label("createCpts.share", systemImage: "square.and.arrow.up")
            }
        }
    }
}
