import InnomedServices
import SwiftUI

/// A doctor's devices, each to verify with emojis when it is not yet. Opened for a colleague from
/// a case's members, it names them as the case does ("Appareils de …"), the user id smaller below.
struct DevicesView: View {
    @StateObject private var viewModel: DevicesViewModel
    @State private var verifying: DeviceInfo?

    init(trust: TrustService, user: UserID, displayName: String? = nil) {
        _viewModel = StateObject(wrappedValue: DevicesViewModel(trust: trust, user: user, displayName: displayName))
    }

    var body: some View {
        List {
            if let name = viewModel.name {
                VStack(alignment: .leading, spacing: 2) {
                    Text(verbatim: L10n.format("devices.of", name)).font(.headline)
                    Text(verbatim: viewModel.user.rawValue).font(.caption).foregroundStyle(.secondary)
                }
                .accessibilityElement(children: .combine)
            }
            if let verified = viewModel.userVerified {
                Label(LocalizedStringKey(verified ? "devices.userVerified" : "devices.userNotVerified"),
                      systemImage: verified ? "checkmark.shield.fill" : "shield")
                    .foregroundStyle(verified ? .green : .secondary)
            }
            Section("devices.title") {
                ForEach(viewModel.devices) { device in
                    HStack {
                        VStack(alignment: .leading) {
                            Text(device.deviceID).font(.body.monospaced())
                            if device.verified {
                                Text("devices.verified").font(.caption).foregroundStyle(.green)
                            }
                        }
                        Spacer()
                        if !device.verified {
                            Button("devices.verify") { verifying = device }
                        }
                    }
                }
            }
        }
        .navigationTitle(viewModel.name ?? viewModel.user.localPart)
        .navigationBarTitleDisplayMode(viewModel.name == nil ? .automatic : .inline)
        .sheet(item: $verifying, onDismiss: { Task { await viewModel.load() } }) { device in
            VerificationView(trust: viewModel.trust, mode: .outgoing(user: viewModel.user, device: device.deviceID))
        }
        .refreshable { await viewModel.load() }
        .task { await viewModel.load() }
        .errorAlert($viewModel.error)
    }
}
