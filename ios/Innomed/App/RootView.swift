import InnomedServices
import SwiftUI

struct RootView: View {
    @ObservedObject var model: AppModel
    @ObservedObject var lock: AppLockViewModel
    @Environment(\.scenePhase) private var scenePhase

    var body: some View {
        content
            // VoiceOver must not read the cases under the lock screen either.
            .accessibilityHidden(model.session != nil && lock.isLocked)
            .overlay {
                if model.session != nil && lock.isLocked {
                    AppLockView(viewModel: lock)
                }
            }
            .overlay {
                // The app switcher's snapshot shows no case.
                if scenePhase != .active && model.session != nil {
                    PrivacyCover()
                }
            }
            .onChange(of: scenePhase) { phase in
                switch phase {
                case .background: lock.didEnterBackground()
                case .active: lock.willEnterForeground()
                default: break
                }
            }
    }

    @ViewBuilder
    private var content: some View {
        switch model.phase {
        case .starting:
            ProgressView()
        case .signedOut:
            SignInView(model: model)
        case .signedIn(let session):
            if let recovery = model.recoveryNeeded {
                RecoveryKeyView(trust: session.trust, state: recovery, onFinished: model.recoveryFinished)
            } else {
                MainTabView(session: session, model: model)
            }
        }
    }
}

private struct PrivacyCover: View {
    var body: some View {
        ZStack {
            Color(.systemBackground).ignoresSafeArea()
            Image(systemName: "cross.case.fill")
                .font(.system(size: 56))
                .foregroundStyle(.tint)
                .accessibilityHidden(true)
        }
    }
}
