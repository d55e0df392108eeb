import InnomedServices
import SwiftUI

/// The coordinator corrects a directory entry: the name shown, the specialties, retired or not.
/// The RPPS number and the profession are shown, not editable. The core's refusal shows here,
/// what was typed kept.
struct EntryEditView: View {
    @ObservedObject var viewModel: EntryEditViewModel
    let onCancel: () -> Void

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    TextField("directory.edit.name", text: $viewModel.displayName)
                        .textContentType(.name)
                        .autocorrectionDisabled()
                    Text(verbatim: L10n.format("directory.rpps", viewModel.entry.rpps) + " · "
                        + L10n.string(viewModel.entry.profession.labelKey))
                        .foregroundStyle(.secondary)
                } footer: {
                    Text("directory.edit.fixed")
                }
                Section("directory.edit.specialties") {
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
                }
                Section {
                    Toggle("directory.retired", isOn: $viewModel.retired)
                }
                if let error = viewModel.error {
                    Section { ErrorBanner(error: error) }
                }
            }
            .disabled(viewModel.saving)
            .navigationTitle("directory.edit.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("common.cancel") { onCancel() }
                        .disabled(viewModel.saving)
                }
                ToolbarItem(placement: .confirmationAction) {
                    if viewModel.saving {
                        ProgressView()
                    } else {
                        Button("directory.edit.save") { Task { await viewModel.save() } }
                            .disabled(!viewModel.canSave)
                    }
                }
            }
            .interactiveDismissDisabled(viewModel.saving)
        }
    }
}
