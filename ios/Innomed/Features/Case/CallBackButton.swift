import InnomedServices
import SwiftUI

/// Under the case's status, for the specialist who took the request: "Rappeler le 06 12 34 56 78",
/// the number the GP gave. A tap opens the phone app on `tel:` and the number (SwiftUI's
/// `openURL`), and the case records that this doctor called; nothing when there is no number.
struct CallBackButton: View {
    @ObservedObject var viewModel: CallBackViewModel
    @Environment(\.openURL) private var openURL

    var body: some View {
        if let number = viewModel.number {
            VStack(alignment: .leading, spacing: 4) {
                Button {
                    Task { await viewModel.call { url in await dial(url) } }
                } label: {
                    HStack {
                        Label(L10n.format("case.callBack", number.display), systemImage: "phone.fill")
                        if viewModel.isCalling { Spacer(); ProgressView() }
                    }
                }
                .buttonStyle(.borderless)
                .disabled(viewModel.isCalling)
                if viewModel.couldNotDial {
                    ErrorBanner(text: L10n.string("case.callBack.couldNotDial"))
                }
            }
            .font(.callout)
            .frame(maxWidth: .infinity, alignment: .leading)
            .padding(.horizontal)
            .padding(.vertical, 6)
            .background(Color.accentColor.opacity(0.08))
            .errorAlert($viewModel.error)
        }
    }

    /// Hands the number to the phone app; `true` once the system took it.
    @MainActor
    private func dial(_ url: URL) async -> Bool {
        await withCheckedContinuation { continuation in
            openURL(url) { accepted in continuation.resume(returning: accepted) }
        }
    }
}
