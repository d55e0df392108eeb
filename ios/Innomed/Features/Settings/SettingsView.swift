import InnomedServices
import SwiftUI

struct SettingsView: View {
    @StateObject private var viewModel: SettingsViewModel
    @State private var confirmsSignOut = false
    @State private var recoverySheet: RecoveryStatus?

    init(session: UserSession, onSignOut: @escaping @MainActor () async -> Void) {
        _viewModel = StateObject(wrappedValue: SettingsViewModel(session: session, onSignOut: onSignOut))
    }

    var body: some View {
        NavigationStack {
            List {
                Section("settings.account") {
                    LabeledContent("settings.user", value: viewModel.account.userID.rawValue)
                    LabeledContent("settings.device", value: viewModel.account.deviceID)
                    if let crossSigned = viewModel.isCrossSigned {
                        Label(LocalizedStringKey(crossSigned ? "settings.crossSigned" : "settings.notCrossSigned"),
                              systemImage: crossSigned ? "checkmark.shield.fill" : "exclamationmark.shield")
                            .foregroundStyle(crossSigned ? .green : .orange)
                    }
                }
                Section("settings.security") {
                    if viewModel.recovery == .disabled || viewModel.recovery == .incomplete {
                        Button("settings.recovery") { recoverySheet = viewModel.recovery }
                    }
                    NavigationLink("settings.myDevices") {
                        DevicesView(trust: viewModel.trust, user: viewModel.account.userID)
                    }
                    NavigationLink("settings.incomingVerification") {
                        VerificationView(trust: viewModel.trust, mode: .incoming)
                    }
                    Text("settings.lock.explain").font(.footnote).foregroundStyle(.secondary)
                }
                Section {
                    Button("settings.signOut", role: .destructive) { confirmsSignOut = true }
                        .disabled(viewModel.isSigningOut)
                } footer: {
                    Text("settings.signOut.footer")
                }
            }
            .navigationTitle("settings.title")
            .confirmationDialog("settings.signOut.confirm", isPresented: $confirmsSignOut, titleVisibility: .visible) {
                Button("settings.signOut", role: .destructive) { Task { await viewModel.signOut() } }
            }
            .sheet(item: $recoverySheet, onDismiss: { Task { await viewModel.load() } }) { state in
                RecoveryKeyView(trust: viewModel.trust, state: state) { recoverySheet = nil }
            }
            .task { await viewModel.load() }
            .errorAlert($viewModel.error)
        }
    }
}
