import InnomedServices
import SwiftUI

struct VerificationView: View {
    @StateObject private var viewModel: VerificationViewModel
    @Environment(\.dismiss) private var dismiss

    init(trust: TrustService, mode: VerificationViewModel.Mode) {
        _viewModel = StateObject(wrappedValue: VerificationViewModel(trust: trust, mode: mode))
    }

    var body: some View {
        NavigationStack {
            VStack(spacing: 24) {
                if let other = viewModel.otherUser {
                    Text(L10n.format("verify.with", other.localPart)).font(.headline)
                }
                content
                Spacer()
            }
            .padding()
            .navigationTitle("verify.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("common.close") {
                        Task { await viewModel.cancel() }
                        dismiss()
                    }
                }
            }
            .task { await viewModel.run() }
            .errorAlert($viewModel.error)
        }
    }

    @ViewBuilder
    private var content: some View {
        switch viewModel.step {
        case .none:
            ProgressView(viewModel.isWaitingForRequest ? L10n.string("verify.waitingRequest") : "")
        case .requested:
            if viewModel.canAccept {
                Button("verify.accept") { Task { await viewModel.accept() } }.buttonStyle(.borderedProminent)
            } else {
                ProgressView(L10n.string("verify.waitingOther"))
            }
        case .ready:
            Button("verify.startEmojis") { Task { await viewModel.startEmojis() } }.buttonStyle(.borderedProminent)
        case .starting, .confirmed:
            ProgressView(L10n.string("verify.waitingOther"))
        case .emojis(let emojis):
            EmojiGrid(emojis: emojis)
            Text("verify.compare").multilineTextAlignment(.center)
            HStack {
                Button("verify.mismatch", role: .destructive) { Task { await viewModel.mismatch() } }
                    .buttonStyle(.bordered)
                Button("verify.match") { Task { await viewModel.confirm() } }
                    .buttonStyle(.borderedProminent)
            }
            .disabled(viewModel.isWorking)
        case .done:
            Label("verify.done", systemImage: "checkmark.shield.fill").foregroundStyle(.green).font(.title3)
        case .cancelled:
            Label("verify.cancelled", systemImage: "xmark.shield").foregroundStyle(.red).font(.title3)
        }
    }
}

/// The seven emojis, in the order both screens show them, with their names in the
/// interface's language.
private struct EmojiGrid: View {
    let emojis: [SasEmoji]

    var body: some View {
        LazyVGrid(columns: Array(repeating: GridItem(.flexible()), count: 4), spacing: 16) {
            // By position: the same emoji may come twice.
            ForEach(Array(emojis.enumerated()), id: \.offset) { _, emoji in
                VStack(spacing: 4) {
                    Text(emoji.symbol).font(.system(size: 40)).accessibilityHidden(true)
                    Text(SasEmojiNames.name(of: emoji)).font(.caption2).lineLimit(1).minimumScaleFactor(0.7)
                }
                .accessibilityElement(children: .combine)
            }
        }
    }
}
