import Foundation

/// Camera photos waiting to be sent: app-private, encrypted by the OS while the phone is locked
/// (`completeFileProtection`), excluded from backups, never in the photo library. Each file is
/// deleted once the core queued the photo (it keeps its own encrypted copy).
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

    public func delete(_ url: URL) {
        guard url.deletingLastPathComponent().standardizedFileURL == directory.standardizedFileURL else { return }
        try? fileManager.removeItem(at: url)
    }

    /// At start and at sign-out: nothing left behind from an interrupted request.
    public func deleteAll() {
        try? fileManager.removeItem(at: directory)
    }
}
