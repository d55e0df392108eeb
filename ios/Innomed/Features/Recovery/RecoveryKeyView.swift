import InnomedServices
import SwiftUI

struct RecoveryKeyView: View {
    @StateObject private var viewModel: RecoveryViewModel
    private let onFinished: @MainActor () -> Void

    init(trust: TrustService, state: RecoveryStatus, onFinished: @escaping @MainActor () -> Void) {
        _viewModel = StateObject(wrappedValue: RecoveryViewModel(trust: trust, state: state))
        self.onFinished = onFinished
    }

    var body: some View {
        NavigationStack {
            Form {
                switch viewModel.mode {
                case .create: createSection
                case .enter: enterSection
                }
            }
            .navigationTitle("recovery.title")
            .toolbar {
                if viewModel.mode == .enter || viewModel.recoveryKey == nil {
                    Button("recovery.later") { onFinished() }
                }
            }
            .errorAlert($viewModel.error)
            .onChange(of: viewModel.isDone) { done in if done { onFinished() } }
        }
    }

    @ViewBuilder
    private var createSection: some View {
        Section {
            Text("recovery.create.explain")
            if let key = viewModel.recoveryKey {
                Text(key)
                    .font(.body.monospaced())
                    .textSelection(.enabled)
                    .privacySensitive()
                Toggle("recovery.create.saved", isOn: $viewModel.savedConfirmed)
                Button("recovery.create.done") { viewModel.finish() }
                    .disabled(!viewModel.savedConfirmed)
            } else {
                Button("recovery.create.action") { Task { await viewModel.create() } }
                    .disabled(viewModel.isWorking)
            }
        }
    }

    @ViewBuilder
    private var enterSection: some View {
        Section {
            Text("recovery.enter.explain")
            SecureField("recovery.enter.field", text: $viewModel.enteredKey)
                .font(.body.monospaced())
                .textInputAutocapitalization(.never)
                .autocorrectionDisabled()
            Button("recovery.enter.action") { Task { await viewModel.recover() } }
                .disabled(!viewModel.canRecover)
        }
    }
}
