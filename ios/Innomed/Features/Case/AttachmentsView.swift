import InnomedServices
import SwiftUI

/// Photos and PDFs to send into the case together. Each file is prepared on the phone as soon as
/// it is picked and listed with its thumbnail and details, or with the core's refusal in words;
/// an accepted one takes a title (a PDF) or a caption (a photo); any can be removed; "Envoyer"
/// sends the accepted ones in this order.
struct AttachmentsView: View {
    @ObservedObject var attachments: AttachmentsViewModel
    @State private var picker: FilePicker?
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        NavigationStack {
            List {
                Section {
                    Button { picker = .photos } label: {
                        Label("attach.photos", systemImage: "photo.on.rectangle")
                    }
                    Button { picker = .documents } label: {
                        Label("attach.documents", systemImage: "doc.text")
                    }
                } footer: {
                    Text("attach.footer")
                }
                if !attachments.items.isEmpty {
                    Section {
                        ForEach(attachments.items) { item in
                            AttachmentRow(item: item, caption: caption(of: item)) { attachments.remove(item.id) }
                        }
                        .onDelete { attachments.remove(atOffsets: $0) }
                    } footer: {
                        Text("attach.order")
                    }
                }
                if let error = attachments.error {
                    Section { ErrorBanner(error: error) }
                }
            }
            .disabled(attachments.isSending)
            .navigationTitle("attach.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("common.cancel") {
                        attachments.discardAll()
                        dismiss()
                    }
                    .disabled(attachments.isSending)
                }
                ToolbarItem(placement: .confirmationAction) {
                    if attachments.isSending {
                        ProgressView()
                    } else {
                        Button("attach.send") {
                            Task { if await attachments.send() { dismiss() } }
                        }
                        .disabled(!attachments.canSend)
                    }
                }
            }
            .sheet(item: $picker) { picker in
                switch picker {
                case .photos:
                    PhotoLibraryPicker(store: attachments.store) { files in
                        Task { await attachments.attach(files) }
                    }
                    .ignoresSafeArea()
                case .documents:
                    PDFDocumentPicker(store: attachments.store) { files in
                        Task { await attachments.attach(files) }
                    }
                    .ignoresSafeArea()
                }
            }
        }
        // Picked files are sent or given up on purpose, not lost by a swipe.
        .interactiveDismissDisabled(!attachments.items.isEmpty || attachments.isSending)
    }

    /// The title or caption typed under a file, kept by the view model with that file.
    private func caption(of item: Attachment) -> Binding<String> {
        Binding(
            get: { attachments.items.first { $0.id == item.id }?.caption ?? "" },
            set: { attachments.setCaption($0, for: item.id) }
        )
    }
}

/// One picked file: being prepared, ready (thumbnail, title, details, the field for the title or
/// caption to send), or refused (why).
private struct AttachmentRow: View {
    let item: Attachment
    @Binding var caption: String
    let onRemove: () -> Void

    var body: some View {
        HStack(spacing: 12) {
            switch item.state {
            case .preparing:
                ProgressView().frame(width: 56, height: 56)
                Text("attach.preparing").foregroundStyle(.secondary)
            case .ready(let file):
                BoundedThumbnail(id: file.id, symbol: file.kind.symbol) { file.thumbnail }
                    .frame(width: 56, height: 56)
                VStack(alignment: .leading, spacing: 2) {
                    Text(verbatim: FileLabel.title(of: file)).lineLimit(2)
                    Text(verbatim: FileLabel.details(of: file)).font(.caption).foregroundStyle(.secondary)
                    TextField(LocalizedStringKey(file.kind.isDocument ? "attach.documentTitle" : "attach.caption"),
                              text: $caption)
                        .textInputAutocapitalization(.sentences)
                        .submitLabel(.done)
                        .padding(.top, 4)
                }
            case .refused(let error):
                Image(systemName: "xmark.octagon")
                    .font(.title2)
                    .foregroundStyle(.red)
                    .frame(width: 56, height: 56)
                VStack(alignment: .leading, spacing: 2) {
                    Text("attach.refused")
                    Text(verbatim: error.message).font(.caption).foregroundStyle(.red)
                }
            }
            Spacer(minLength: 0)
            Button(action: onRemove) {
                Image(systemName: "xmark.circle.fill").foregroundStyle(.secondary)
            }
            .buttonStyle(.borderless)
            .accessibilityLabel(Text("attach.remove"))
        }
        .accessibilityElement(children: .contain)
    }
}

private extension FileKind {
    var isDocument: Bool {
        if case .document = self { return true }
        return false
    }

    /// Shown when a prepared file has no thumbnail.
    var symbol: String {
        switch self {
        case .photo: return "photo"
        case .document: return "doc.text"
        }
    }
}
