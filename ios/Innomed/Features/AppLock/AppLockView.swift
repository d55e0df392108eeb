import SwiftUI

struct AppLockView: View {
    @ObservedObject var viewModel: AppLockViewModel

    var body: some View {
        ZStack {
            Color(.systemBackground).ignoresSafeArea()
            VStack(spacing: 20) {
                Image(systemName: "lock.shield")
                    .font(.system(size: 56))
                    .foregroundStyle(.tint)
                    .accessibilityHidden(true)
                Text("lock.title").font(.title2.bold())
                if viewModel.needsDevicePasscode {
                    Text("lock.needsPasscode").multilineTextAlignment(.center)
                } else if viewModel.lastAttemptFailed {
                    Text("lock.failed").foregroundStyle(.secondary)
                }
                Button("lock.unlock") {
                    Task { await viewModel.unlock() }
                }
                .buttonStyle(.borderedProminent)
                .disabled(viewModel.isAuthenticating)
            }
            .padding()
        }
        .task { await viewModel.unlock() }
    }
}
