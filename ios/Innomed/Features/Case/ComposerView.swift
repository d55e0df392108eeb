import InnomedServices
import SwiftUI

/// The message field, with the reply being written and the camera button. Disabled while the
/// request waits for its hand-over (the banner above says why).
struct ComposerView: View {
    @ObservedObject var viewModel: CaseViewModel
    @Binding var showsCamera: Bool
    var isEnabled = true

    var body: some View {
        VStack(spacing: 6) {
            if let target = viewModel.replyingTo {
                HStack {
                    Label(L10n.format("case.replyingTo", viewModel.name(of: target.sender)),
                          systemImage: "arrowshape.turn.up.left")
                        .font(.caption)
                    Spacer()
                    Button { viewModel.cancelReply() } label: { Image(systemName: "xmark.circle.fill") }
                        .accessibilityLabel(Text("common.cancel"))
                }
            }
            if case .uploading(let sent, let total) = viewModel.upload, total > 0 {
                ProgressView(value: Double(sent), total: Double(total)) { Text("case.photo.uploading").font(.caption2) }
            }
            HStack(alignment: .bottom, spacing: 8) {
                Button { showsCamera = true } label: { Image(systemName: "camera") }
                    .disabled(!CameraPicker.isAvailable)
                    .accessibilityLabel(Text("case.photo.take"))
                TextField("case.composer", text: $viewModel.composer, axis: .vertical)
                    .lineLimit(1...6)
                    .textFieldStyle(.roundedBorder)
                Button { Task { await viewModel.send() } } label: { Image(systemName: "paperplane.fill") }
                    .disabled(!viewModel.canSend)
                    .accessibilityLabel(Text("case.send"))
            }
            .disabled(!isEnabled)
        }
        .padding(8)
        .background(.bar)
    }
}
