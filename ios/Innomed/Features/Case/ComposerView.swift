import InnomedServices
import SwiftUI

/// The message field, with the reply being written, the camera button and the button that
/// attaches photos and documents (with the progress of what was sent together). Disabled while
/// the request waits for its hand-over (the banner above says why).
struct ComposerView: View {
    @ObservedObject var viewModel: CaseViewModel
    @ObservedObject var attachments: AttachmentsViewModel
    @Binding var showsCamera: Bool
    let onAttach: () -> Void
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
            if let progress = attachments.progress {
                ProgressView(value: progress.fraction) {
                    Text(verbatim: L10n.format("case.files.progress", progress.finished, progress.count)).font(.caption2)
                }
            }
            HStack(alignment: .bottom, spacing: 8) {
                Button { showsCamera = true } label: { Image(systemName: "camera") }
                    .disabled(!CameraPicker.isAvailable)
                    .accessibilityLabel(Text("case.photo.take"))
                Button(action: onAttach) { Image(systemName: "paperclip") }
                    .disabled(!attachments.isAvailable)
                    .accessibilityLabel(Text("case.attach"))
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
