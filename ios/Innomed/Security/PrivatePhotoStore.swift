import Foundation

/// Camera photos waiting to be sent, and files picked for a case waiting to be prepared:
/// app-private, encrypted by the OS while the phone is locked (`completeFileProtection`),
/// excluded from backups, never in the photo library or a shared folder. Each file is deleted
/// once the core queued the photo or prepared the file (it keeps its own copy).
public final class PrivatePhotoStore: @unchecked Sendable {
    private let directory: URL
    private let fileManager: FileManager

    public init(directory: URL = AppPaths.pendingPhotos, fileManager: FileManager = .default) {
        self.directory = directory
        self.fileManager = fileManager
    }

    /// Writes the camera's JPEG under a random name and returns its URL.
    public func save(jpeg: Data) throws -> URL {
        try AppPaths.makePrivateDirectory(directory)
        let url = directory.appendingPathComponent(UUID().uuidString).appendingPathExtension("jpg")
        try jpeg.write(to: url, options: [.atomic, .completeFileProtection])
        return url
    }

    /// Copies a picked file (a photo library's export, a document picker's copy) under a random
    /// name, without its own name, and returns the copy's URL; with `removingOriginal`, the
    /// picker's copy is deleted once copied.
    public func keep(copyOf original: URL, removingOriginal: Bool = false) throws -> URL {
        try AppPaths.makePrivateDirectory(directory)
        let url = directory.appendingPathComponent(UUID().uuidString)
        try fileManager.copyItem(at: original, to: url)
        do {
            try fileManager.setAttributes([.protectionKey: FileProtectionType.complete], ofItemAtPath: url.path)
        } catch {
            delete(url)
            throw error
        }
        if removingOriginal { try? fileManager.removeItem(at: original) }
        return url
    }

    public func delete(_ url: URL) {
        guard url.deletingLastPathComponent().standardizedFileURL == directory.standardizedFileURL else { return }
        try? fileManager.removeItem(at: url)
    }

    /// At start and at sign-out: nothing left behind from an interrupted request.
    public func deleteAll() {
        try? fileManager.removeItem(at: directory)
    }
}
