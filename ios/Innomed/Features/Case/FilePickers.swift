import InnomedServices
import PhotosUI
import SwiftUI
import UIKit
import UniformTypeIdentifiers

/// Which picker the attachments sheet shows.
enum FilePicker: String, Identifiable {
    case photos, documents
    var id: String { rawValue }
}

/// The photo library, run by the system outside the app: no access to the library is asked and
/// the app sees only the photos the doctor picks, several at once, in the order tapped. Each
/// is handed over as a copy in the app's private storage (`PrivatePhotoStore`), which the core
/// reads, sanitises and the app then deletes; nothing is written to the library.
struct PhotoLibraryPicker: UIViewControllerRepresentable {
    /// Photos picked in one go, at most.
    static let selectionLimit = 10

    let store: PrivatePhotoStore
    let onPick: ([PickedFile]) -> Void
    @Environment(\.dismiss) private var dismiss

    func makeUIViewController(context: Context) -> PHPickerViewController {
        var configuration = PHPickerConfiguration()
        configuration.filter = .images
        configuration.selectionLimit = Self.selectionLimit
        configuration.selection = .ordered
        // A HEIC photo is handed over as JPEG, which the core reads.
        configuration.preferredAssetRepresentationMode = .compatible
        let picker = PHPickerViewController(configuration: configuration)
        picker.delegate = context.coordinator
        return picker
    }

    func updateUIViewController(_ picker: PHPickerViewController, context: Context) {}

    func makeCoordinator() -> Coordinator {
        Coordinator(self)
    }

    final class Coordinator: NSObject, PHPickerViewControllerDelegate {
        private let parent: PhotoLibraryPicker

        init(_ parent: PhotoLibraryPicker) {
            self.parent = parent
        }

        func picker(_ picker: PHPickerViewController, didFinishPicking results: [PHPickerResult]) {
            let store = parent.store
            let files = results.map { result in
                PickedFile { try await Coordinator.copy(result.itemProvider, into: store) }
            }
            if !files.isEmpty { parent.onPick(files) }
            parent.dismiss()
        }

        /// The system's file lives only while its handler runs: it is copied there.
        private static func copy(_ provider: NSItemProvider, into store: PrivatePhotoStore) async throws -> URL {
            try await withCheckedThrowingContinuation { continuation in
                _ = provider.loadFileRepresentation(forTypeIdentifier: UTType.image.identifier) { url, error in
                    guard let url else {
                        continuation.resume(throwing: error ?? CocoaError(.fileReadUnknown))
                        return
                    }
                    continuation.resume(with: Result(catching: { try store.keep(copyOf: url) }))
                }
            }
        }
    }
}

/// PDFs from Files (on the phone, iCloud Drive, another app's provider), several at once. The
/// system copies each into this app's own container (`asCopy`); that copy is moved into the
/// app's private storage for the core to clean, then deleted. The originals stay as they were.
struct PDFDocumentPicker: UIViewControllerRepresentable {
    let store: PrivatePhotoStore
    let onPick: ([PickedFile]) -> Void
    @Environment(\.dismiss) private var dismiss

    func makeUIViewController(context: Context) -> UIDocumentPickerViewController {
        let picker = UIDocumentPickerViewController(forOpeningContentTypes: [.pdf], asCopy: true)
        picker.allowsMultipleSelection = true
        picker.delegate = context.coordinator
        return picker
    }

    func updateUIViewController(_ picker: UIDocumentPickerViewController, context: Context) {}

    func makeCoordinator() -> Coordinator {
        Coordinator(self)
    }

    final class Coordinator: NSObject, UIDocumentPickerDelegate {
        private let parent: PDFDocumentPicker

        init(_ parent: PDFDocumentPicker) {
            self.parent = parent
        }

        func documentPicker(_ controller: UIDocumentPickerViewController, didPickDocumentsAt urls: [URL]) {
            let store = parent.store
            let files = urls.map { url in
                PickedFile { try store.keep(copyOf: url, removingOriginal: true) }
            }
            if !files.isEmpty { parent.onPick(files) }
            parent.dismiss()
        }

        func documentPickerWasCancelled(_ controller: UIDocumentPickerViewController) {
            parent.dismiss()
        }
    }
}
