import InnomedServices
import SwiftUI

/// The CPTS's duty rota by week: each day, who is on duty when and for what, then the absences
/// and permanences the members declared themselves. The coordinator adds and removes slots;
/// everyone else reads them.
struct RotaView: View {
    @StateObject private var viewModel: RotaViewModel
    @State private var removing: RotaLine?

    init(directory: DirectoryService, cpts: Cpts) {
        _viewModel = StateObject(wrappedValue: RotaViewModel(directory: directory, cpts: cpts))
    }

    var body: some View {
        List {
            if viewModel.loaded && !viewModel.isCoordinator {
                Section {
                    Text("rota.readOnly").font(.footnote).foregroundStyle(.secondary)
                }
            }
            if viewModel.loaded {
                ForEach(viewModel.week) { day in
                    Section {
                        if day.lines.isEmpty {
                            Text("rota.empty").foregroundStyle(.secondary)
                        }
                        ForEach(day.lines) { line in row(line) }
                    } header: {
                        Text(L10n.string(day.weekday.labelKey))
                    }
                }
                Section {
                    if viewModel.declaredLines.isEmpty {
                        Text("rota.declared.none").foregroundStyle(.secondary)
                    }
                    ForEach(viewModel.declaredLines) { line in
                        Text(verbatim: declaredSentence(line))
                    }
                } header: {
                    Text("rota.declared")
                } footer: {
                    Text("rota.declared.footer")
                }
            }
        }
        .navigationTitle("rota.title")
        .navigationBarTitleDisplayMode(.inline)
        .overlay { if viewModel.isLoading && !viewModel.loaded { ProgressView() } }
        .toolbar {
            ToolbarItem(placement: .primaryAction) {
                if viewModel.isCoordinator {
                    Button { viewModel.startAdding() } label: {
                        Label("rota.add", systemImage: "plus")
                    }
                    .disabled(viewModel.saving || viewModel.assignable.isEmpty)
                }
            }
        }
        .refreshable { await viewModel.load() }
        .task { await viewModel.load() }
        .confirmationDialog("rota.remove.confirm", isPresented: Binding(
            get: { removing != nil }, set: { if !$0 { removing = nil } }
        ), titleVisibility: .visible, presenting: removing) { line in
            Button("rota.remove", role: .destructive) { Task { await viewModel.remove(line) } }
        } message: { line in
            Text(verbatim: sentence(line))
        }
        .sheet(isPresented: $viewModel.isAdding) {
            AddSlotView(viewModel: viewModel)
        }
        // While the sheet is open, it shows the error itself.
        .errorAlert(Binding(
            get: { viewModel.isAdding ? nil : viewModel.error },
            set: { viewModel.error = $0 }
        ))
    }

    private func row(_ line: RotaLine) -> some View {
        HStack {
            Text(verbatim: sentence(line))
            if viewModel.isCoordinator {
                Spacer()
                Button(role: .destructive) { removing = line } label: {
                    Image(systemName: "minus.circle.fill")
                }
                .buttonStyle(.borderless)
                .accessibilityLabel("rota.remove")
                .disabled(viewModel.saving)
            }
        }
    }

    /// "Dr Name — Absence du lundi 3 mars 2025 au vendredi 7 mars 2025".
    private func declaredSentence(_ line: DeclaredLine) -> String {
        let name = line.addsDoctorTitle ? L10n.format("rota.doctor", line.name) : line.name
        return L10n.format("rota.declared.line", name, AvailabilityLabel.entry(line.entry, specialties: viewModel.specialties))
    }

    /// "Dr Name — Dermatologie, lundi 08:00–12:00".
    private func sentence(_ line: RotaLine) -> String {
        let name = line.addsDoctorTitle ? L10n.format("rota.doctor", line.name) : line.name
        let specialty = viewModel.specialties.label(for: line.slot.specialty) ?? line.slot.specialty
        return L10n.format("rota.slot", name, specialty, L10n.string(line.slot.weekday.inlineKey), line.hours)
    }
}

/// The coordinator's new slot: a member of the directory, one of their specialties, a day, start
/// and end. The core says whether it fits (the error shows here, what was chosen stays).
private struct AddSlotView: View {
    @ObservedObject var viewModel: RotaViewModel

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    Picker("rota.add.member", selection: Binding(
                        get: { viewModel.draft.member },
                        set: { viewModel.choose(member: $0) }
                    )) {
                        Text("rota.add.member.none").tag(UserID?.none)
                        ForEach(viewModel.assignable) { member in
                            Text(verbatim: member.displayName).tag(Optional(member.userID))
                        }
                    }
                    if viewModel.draftSpecialties.count > 1 {
                        Picker("rota.add.specialty", selection: $viewModel.draft.specialty) {
                            ForEach(viewModel.draftSpecialties, id: \.self) { code in
                                Text(verbatim: viewModel.specialties.label(for: code) ?? code).tag(Optional(code))
                            }
                        }
                    } else if let code = viewModel.draft.specialty {
                        LabeledContent("rota.add.specialty") {
                            Text(verbatim: viewModel.specialties.label(for: code) ?? code)
                        }
                    }
                }
                Section {
                    Picker("rota.add.day", selection: $viewModel.draft.weekday) {
                        ForEach(Weekday.allCases, id: \.self) { day in
                            Text(L10n.string(day.labelKey)).tag(day)
                        }
                    }
                    timePicker("rota.add.start", selection: $viewModel.draft.startMinute)
                    timePicker("rota.add.end", selection: $viewModel.draft.endMinute)
                } footer: {
                    Text("rota.add.footer")
                }
                if let error = viewModel.error {
                    Section { ErrorBanner(error: error) }
                }
            }
            .navigationTitle("rota.add.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("common.cancel") { viewModel.cancelAdding() }
                }
                ToolbarItem(placement: .confirmationAction) {
                    if viewModel.saving {
                        ProgressView()
                    } else {
                        Button("rota.add.save") { Task { await viewModel.addSlot() } }
                            .disabled(!viewModel.canSave)
                    }
                }
            }
            .interactiveDismissDisabled(viewModel.saving)
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
