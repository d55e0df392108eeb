import InnomedServices
import QuickLook
import SwiftUI
import UIKit

/// A document message: its thumbnail (a PDF's first page) when one was sent, its title and
/// "3 pages · 245 Ko" as the core read them. A tap saves the PDF (downloaded, checked and
/// cleaned again by the core) and previews it; any other file is shown, never opened.
struct DocumentRowView: View {
    let message: CaseMessage
    let info: DocumentMessage
    @ObservedObject var viewModel: CaseViewModel

    private var isOpening: Bool {
        message.handle != nil && viewModel.openingDocument == message.handle
    }

    var body: some View {
        Button { Task { await viewModel.open(message) } } label: {
            HStack(spacing: 10) {
                BoundedThumbnail(id: message.handle, symbol: "doc.text") {
                    guard info.hasThumbnail else { return nil }
                    return await viewModel.photo(of: message, variant: .thumbnail)
                }
                .frame(width: 48, height: 64)
                VStack(alignment: .leading, spacing: 2) {
                    Text(verbatim: info.title)
                        .font(.callout.bold())
                        .lineLimit(2)
                        .multilineTextAlignment(.leading)
                    let details = FileLabel.details(pages: info.pages, size: info.size)
                    if !details.isEmpty {
                        Text(verbatim: details).font(.caption).foregroundStyle(.secondary)
                    }
                    if !info.isPdf {
                        Text("case.document.notOpened").font(.caption2).foregroundStyle(.secondary)
                    }
                }
                Spacer(minLength: 0)
                if isOpening {
                    ProgressView()
                }
            }
            .padding(10)
            .frame(maxWidth: 280, alignment: .leading)
            .background(message.isOwn ? Color.accentColor.opacity(0.15) : Color(.secondarySystemBackground),
                        in: RoundedRectangle(cornerRadius: 12))
        }
        .buttonStyle(.plain)
        .disabled(!info.isPdf || message.handle == nil || isOpening)
        .accessibilityElement(children: .combine)
        .accessibilityHint(Text(LocalizedStringKey(info.isPdf ? "case.document.open" : "case.document.notOpened")))
    }
}

/// A received PDF shown with QuickLook, from the account's own folder; nothing to edit, and the
/// copy is deleted when the preview closes (`CaseViewModel.closePreview`).
struct DocumentPreviewView: View {
    let preview: DocumentPreview
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        NavigationStack {
            QuickLookView(url: preview.url)
                .ignoresSafeArea(edges: .bottom)
                .navigationTitle(Text(verbatim: preview.title))
                .navigationBarTitleDisplayMode(.inline)
                .toolbar {
                    ToolbarItem(placement: .cancellationAction) {
                        Button("common.close") { dismiss() }
                    }
                }
        }
    }
}

/// QuickLook's preview of one local file, inside this app's process. Its own navigation items
/// (share, markup) are not shown: the screen around it has only "Fermer".
struct QuickLookView: UIViewControllerRepresentable {
    let url: URL

    func makeUIViewController(context: Context) -> QLPreviewController {
        let controller = QLPreviewController()
        controller.dataSource = context.coordinator
        controller.delegate = context.coordinator
        return controller
    }

    func updateUIViewController(_ controller: QLPreviewController, context: Context) {
        if context.coordinator.url != url {
            context.coordinator.url = url
            controller.reloadData()
        }
    }

    func makeCoordinator() -> Coordinator {
        Coordinator(url: url)
    }

    final class Coordinator: NSObject, QLPreviewControllerDataSource, QLPreviewControllerDelegate {
        var url: URL

        init(url: URL) {
            self.url = url
        }

        func numberOfPreviewItems(in controller: QLPreviewController) -> Int { 1 }

        func previewController(_ controller: QLPreviewController, previewItemAt index: Int) -> QLPreviewItem {
            url as NSURL
        }

        /// A received document is read, never annotated or changed here.
        func previewController(_ controller: QLPreviewController,
                               editingModeFor previewItem: QLPreviewItem) -> QLPreviewItemEditingMode {
            .disabled
        }
    }
}
