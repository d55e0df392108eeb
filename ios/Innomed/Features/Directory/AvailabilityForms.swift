import InnomedServices
import SwiftUI

/// A new absence: the first and last days, both included. The core says whether it fits (the
/// error shows here, what was picked stays).
struct AddAbsenceView: View {
    @ObservedObject var viewModel: AvailabilityViewModel

    var body: some View {
        AvailabilitySheet(viewModel: viewModel, title: "availability.absence.title",
                          canSave: viewModel.canSaveAbsence, save: { await viewModel.addAbsence() }) {
            Section {
                DatePicker("availability.absence.firstDay", selection: $viewModel.absenceDraft.firstDay,
                           displayedComponents: .date)
                DatePicker("availability.absence.lastDay", selection: $viewModel.absenceDraft.lastDay,
                           displayedComponents: .date)
            } footer: {
                Text("availability.absence.footer")
            }
        }
    }
}

/// A new permanence: one of the member's specialties, a day, start and end by the quarter hour.
struct AddPermanenceView: View {
    @ObservedObject var viewModel: AvailabilityViewModel

    var body: some View {
        AvailabilitySheet(viewModel: viewModel, title: "availability.permanence.title",
                          canSave: viewModel.canSavePermanence, save: { await viewModel.addPermanence() }) {
            Section {
                if viewModel.mySpecialties.count > 1 {
                    Picker("availability.permanence.specialty", selection: $viewModel.permanenceDraft.specialty) {
                        ForEach(viewModel.mySpecialties, id: \.self) { code in
                            Text(verbatim: viewModel.specialties.label(for: code) ?? code).tag(Optional(code))
                        }
                    }
                } else if let code = viewModel.permanenceDraft.specialty {
                    LabeledContent("availability.permanence.specialty") {
                        Text(verbatim: viewModel.specialties.label(for: code) ?? code)
                    }
                }
            }
            Section {
                DatePicker("availability.permanence.day", selection: $viewModel.permanenceDraft.day,
                           displayedComponents: .date)
                timePicker("availability.permanence.start", selection: $viewModel.permanenceDraft.startMinute)
                timePicker("availability.permanence.end", selection: $viewModel.permanenceDraft.endMinute)
            } footer: {
                Text("availability.permanence.footer")
            }
        }
    }

    private func timePicker(_ title: LocalizedStringKey, selection: Binding<Int>) -> some View {
        Picker(title, selection: selection) {
            ForEach(RotaTime.choices, id: \.self) { minutes in
                Text(verbatim: RotaTime.format(minutes)).tag(minutes)
            }
        }
    }
}

/// The frame both sheets share: the fields, the core's refusal under them, Cancel and Save
/// (a spinner while the core answers).
private struct AvailabilitySheet<Fields: View>: View {
    @ObservedObject var viewModel: AvailabilityViewModel
    let title: LocalizedStringKey
    let canSave: Bool
    let save: () async -> Void
    @ViewBuilder let fields: () -> Fields

    var body: some View {
        NavigationStack {
            Form {
                fields()
                if let key = viewModel.errorKey {
                    Section { ErrorBanner(text: L10n.string(key)) }
                }
            }
            .disabled(viewModel.saving)
            .navigationTitle(title)
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("common.cancel") { viewModel.cancelAdding() }
                        .disabled(viewModel.saving)
                }
                ToolbarItem(placement: .confirmationAction) {
                    if viewModel.saving {
                        ProgressView()
                    } else {
                        Button("availability.save") { Task { await save() } }
                            .disabled(!canSave)
                    }
                }
            }
            .interactiveDismissDisabled(viewModel.saving)
        }
    }
}
