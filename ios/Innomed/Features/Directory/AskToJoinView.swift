import InnomedServices
import SwiftUI

struct AskToJoinView: View {
    @StateObject private var viewModel: AskToJoinViewModel

    init(directory: DirectoryService) {
        _viewModel = StateObject(wrappedValue: AskToJoinViewModel(directory: directory))
    }

    var body: some View {
        Form {
            Section {
                TextField("askToJoin.spaceID", text: $viewModel.spaceID, prompt: Text("askToJoin.spaceID.prompt"))
                    .textInputAutocapitalization(.never)
                    .autocorrectionDisabled()
            } footer: {
                Text("askToJoin.footer")
            }
            if viewModel.asked != nil {
                Section {
                    Label("askToJoin.sent", systemImage: "paperplane")
                        .foregroundStyle(.secondary)
                }
            }
            if let error = viewModel.error {
                Section { ErrorBanner(error: error) }
            }
            Section {
                Button {
                    Task { await viewModel.ask() }
                } label: {
                    HStack {
                        Text("askToJoin.action")
                        if viewModel.isSending { Spacer(); ProgressView() }
                    }
                }
                .disabled(!viewModel.canAsk)
            }
        }
        .navigationTitle("askToJoin.title")
        .navigationBarTitleDisplayMode(.inline)
    }
}
