import InnomedServices
import SwiftUI

struct DevicesView: View {
    @StateObject private var viewModel: DevicesViewModel
    @State private var verifying: DeviceInfo?

    init(trust: TrustService, user: UserID) {
        _viewModel = StateObject(wrappedValue: DevicesViewModel(trust: trust, user: user))
    }

    var body: some View {
        List {
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
        .navigationTitle(viewModel.user.localPart)
        .sheet(item: $verifying, onDismiss: { Task { await viewModel.load() } }) { device in
            VerificationView(trust: viewModel.trust, mode: .outgoing(user: viewModel.user, device: device.deviceID))
        }
        .refreshable { await viewModel.load() }
        .task { await viewModel.load() }
        .errorAlert($viewModel.error)
    }
}
