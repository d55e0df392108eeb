import InnomedServices
import SwiftUI

struct NewRequestView: View {
    @StateObject private var viewModel: NewRequestViewModel
    @State private var showsCamera = false
    @Environment(\.dismiss) private var dismiss
    private let onCreated: (CaseID) -> Void

    init(session: UserSession, onCreated: @escaping (CaseID) -> Void) {
        _viewModel = StateObject(wrappedValue: NewRequestViewModel(session: session))
        self.onCreated = onCreated
    }

    var body: some View {
        NavigationStack {
            Form {
                Section("request.section.request") {
                    Picker("request.specialty", selection: $viewModel.specialty) {
                        Text("request.specialty.choose").tag(String?.none)
                        ForEach(viewModel.specialties) { option in
                            Text(option.label(languageCode: L10n.languageCode)).tag(Optional(option.code))
                        }
                    }
                    Picker("request.urgency", selection: $viewModel.urgency) {
                        ForEach(Urgency.allCases, id: \.self) { level in
                            Text(L10n.string(level.labelKey)).tag(level)
                        }
                    }
                    .pickerStyle(.segmented)
                }
                PatientSection(viewModel: viewModel)
                PhotoSection(viewModel: viewModel, showsCamera: $showsCamera)
                CallBackSection(viewModel: viewModel)
                if !viewModel.offeredExperts.isEmpty {
                    Section("request.section.pickExpert") {
                        Picker("request.expert", selection: $viewModel.expert) {
                            Text("request.expert.none").tag(MemberEntry?.none)
                            ForEach(viewModel.offeredExperts) { member in
                                Text(member.displayName).tag(Optional(member))
                            }
                        }
                    }
                }
            }
            .navigationTitle("request.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("common.cancel") {
                        viewModel.removePhoto()
                        dismiss()
                    }
                }
                ToolbarItem(placement: .confirmationAction) {
                    Button("request.send") { Task { await viewModel.submit() } }
                        .disabled(!viewModel.canSubmit)
                }
            }
            .fullScreenCover(isPresented: $showsCamera) {
                CameraPicker { jpeg in viewModel.attachPhoto(jpeg: jpeg) }
                    .ignoresSafeArea()
            }
            .errorAlert($viewModel.error)
            .onChange(of: viewModel.created) { created in
                if let created { onCreated(created) }
            }
        }
    }
}

private struct PatientSection: View {
    @ObservedObject var viewModel: NewRequestViewModel

    var body: some View {
        Section {
            TextField("request.patientLabel", text: $viewModel.patientLabel)
                .textInputAutocapitalization(.characters)
                .autocorrectionDisabled()
            Picker("request.age", selection: $viewModel.ageBand) {
                ForEach(AgeBand.allCases, id: \.self) { Text(L10n.string($0.labelKey)).tag($0) }
            }
            Picker("request.sex", selection: $viewModel.sex) {
                ForEach(Sex.allCases, id: \.self) { Text(L10n.string($0.labelKey)).tag($0) }
            }
            TextField("request.reason", text: $viewModel.reason)
            TextField("request.question", text: $viewModel.question, axis: .vertical)
                .lineLimit(3...8)
            Toggle("request.consent", isOn: $viewModel.consent)
        } header: {
            Text("request.section.patient")
        } footer: {
            Text("request.patientLabel.footer")
        }
    }
}

private struct PhotoSection: View {
    @ObservedObject var viewModel: NewRequestViewModel
    @Binding var showsCamera: Bool

    var body: some View {
        Section {
            if viewModel.photoURL != nil {
                Label("request.photo.attached", systemImage: "photo")
                Button("request.photo.remove", role: .destructive) { viewModel.removePhoto() }
            } else {
                Button {
                    showsCamera = true
                } label: {
                    Label("request.photo.take", systemImage: "camera")
                }
                .disabled(!viewModel.consent || !CameraPicker.isAvailable)
            }
        } header: {
            Text("request.section.photo")
        } footer: {
            Text("request.photo.footer")
        }
    }
}

/// The GP's professional number, if they want the specialist to call them back: checked by the
/// core once the field is left (and again when sending), a refusal said under it, what was typed
/// kept.
private struct CallBackSection: View {
    @ObservedObject var viewModel: NewRequestViewModel
    @FocusState private var isEditing: Bool

    var body: some View {
        Section {
            TextField("request.callBack", text: $viewModel.callBack)
                .keyboardType(.phonePad)
                .autocorrectionDisabled()
                .focused($isEditing)
            if let error = viewModel.callBackError {
                ErrorBanner(error: error)
            }
        } footer: {
            Text("request.callBack.footer")
        }
        .onChange(of: isEditing) { editing in
            if !editing { viewModel.checkCallBack() }
        }
    }
}
