import InnomedServices
import SwiftUI

/// "Mes disponibilités": the member's own absences and permanences to come in a CPTS, to add
/// and withdraw. The weekly rota stays the default; these take the member off duty (absence) or
/// put them on duty (permanence) as the core says.
struct AvailabilityView: View {
    @StateObject private var viewModel: AvailabilityViewModel
    @State private var withdrawing: AvailabilityEntry?

    init(directory: DirectoryService, cpts: Cpts, me: UserID) {
        _viewModel = StateObject(wrappedValue: AvailabilityViewModel(directory: directory, cpts: cpts, me: me))
    }

    var body: some View {
        List {
            Section {
                Text("availability.intro").font(.footnote).foregroundStyle(.secondary)
            }
            if viewModel.loaded {
                absences
                permanences
            }
        }
        .navigationTitle("availability.title")
        .navigationBarTitleDisplayMode(.inline)
        .overlay { if viewModel.isLoading && !viewModel.loaded { ProgressView() } }
        .refreshable { await viewModel.load() }
        .task { await viewModel.load() }
        .confirmationDialog("availability.withdraw.confirm", isPresented: Binding(
            get: { withdrawing != nil }, set: { if !$0 { withdrawing = nil } }
        ), titleVisibility: .visible, presenting: withdrawing) { entry in
            Button("availability.withdraw", role: .destructive) { Task { await viewModel.withdraw(entry) } }
        } message: { entry in
            Text(verbatim: AvailabilityLabel.entry(entry, specialties: viewModel.specialties))
        }
        .sheet(item: $viewModel.form) { form in
            switch form {
            case .absence: AddAbsenceView(viewModel: viewModel)
            case .permanence: AddPermanenceView(viewModel: viewModel)
            }
        }
        // While a sheet is open, it shows the error itself.
        .alert(L10n.string("error.title"), isPresented: Binding(
            get: { viewModel.form == nil && viewModel.error != nil },
            set: { if !$0 { viewModel.error = nil } }
        )) {
            Button("common.ok", role: .cancel) {}
        } message: {
            Text(verbatim: viewModel.errorKey.map(L10n.string) ?? "")
        }
    }

    private var absences: some View {
        Section {
            if viewModel.availability.absences.isEmpty {
                Text("availability.absences.none").foregroundStyle(.secondary)
            }
            ForEach(Array(viewModel.availability.absences.enumerated()), id: \.offset) { _, absence in
                row(.absence(absence))
            }
            Button { viewModel.startAdding(.absence) } label: {
                Label("availability.absence.add", systemImage: "calendar.badge.minus")
            }
            .disabled(viewModel.saving)
        } header: {
            Text("availability.absences")
        } footer: {
            Text("availability.absences.footer")
        }
    }

    private var permanences: some View {
        Section {
            if viewModel.availability.permanences.isEmpty {
                Text("availability.permanences.none").foregroundStyle(.secondary)
            }
            ForEach(Array(viewModel.availability.permanences.enumerated()), id: \.offset) { _, permanence in
                row(.permanence(permanence))
            }
            Button { viewModel.startAdding(.permanence) } label: {
                Label("availability.permanence.add", systemImage: "calendar.badge.plus")
            }
            .disabled(!viewModel.canAddPermanence)
        } header: {
            Text("availability.permanences")
        } footer: {
            if viewModel.mySpecialties.isEmpty {
                Text("availability.permanences.noSpecialty")
            } else {
                Text("availability.permanences.footer")
            }
        }
    }

    private func row(_ entry: AvailabilityEntry) -> some View {
        HStack {
            Text(verbatim: AvailabilityLabel.entry(entry, specialties: viewModel.specialties))
            Spacer()
            Button(role: .destructive) { withdrawing = entry } label: {
                Image(systemName: "minus.circle.fill")
            }
            .buttonStyle(.borderless)
            .accessibilityLabel("availability.withdraw")
            .disabled(viewModel.saving)
        }
    }
}
