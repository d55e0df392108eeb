import Foundation
@testable import InnomedServices

final class FakeConversationService: ConversationService {
    var entryUpdates: [[ConversationEntry]] = []
    var sentTexts: [String] = []
    var replies: [(EventID, String)] = []
    var sentPhotos: [URL] = []
    /// Whether the photo file still existed when the core was handed its path.
    var photoFileExisted: [Bool] = []
    var markReadCount = 0
    var onSend: (String) async throws -> Void = { _ in }
    /// The files handed to the core to prepare, in order, and whether each still existed then.
    var preparedURLs: [URL] = []
    var preparedFileExisted: [Bool] = []
    var onPrepare: (URL) async throws -> PreparedFile = { _ in try unstubbed("prepareFile") }
    /// The captions or titles applied, in order, each with the prepared file's id.
    var captionsApplied: [CaptionApplied] = []
    /// Each batch queued, in order.
    var sentBatches: [[PreparedFile]] = []
    var onSendFiles: ([PreparedFile]) async throws -> FilesSending = { _ in try unstubbed("send(files:)") }
    var onSaveDocument: (MessageRef) async throws -> URL = { _ in try unstubbed("saveDocument") }
    /// The documents asked to be saved, in order.
    var savedDocuments: [MessageRef] = []
    /// The saved copies deleted, in order.
    var discardedDocuments: [URL] = []

    func entries() -> AsyncStream<[ConversationEntry]> {
        let updates = entryUpdates
        return AsyncStream { continuation in
            for entries in updates { continuation.yield(entries) }
            continuation.finish()
        }
    }

    func send(text: String) async throws {
        try await onSend(text)
        sentTexts.append(text)
    }

    func reply(to event: EventID, text: String) async throws { replies.append((event, text)) }
    func toggle(_ reaction: Reaction, on event: EventID) async throws {}

    func sendPhoto(fileURL: URL, caption: String?) async throws -> AsyncStream<UploadProgress> {
        sentPhotos.append(fileURL)
        photoFileExisted.append(FileManager.default.fileExists(atPath: fileURL.path))
        return AsyncStream { $0.finish() }
    }

    func photo(_ message: MessageRef, variant: PhotoSize) async throws -> Data { try unstubbed("photo") }
    func prepareFile(at fileURL: URL) async throws -> PreparedFile {
        preparedURLs.append(fileURL)
        preparedFileExisted.append(FileManager.default.fileExists(atPath: fileURL.path))
        return try await onPrepare(fileURL)
    }

    /// The file with the caption given as it is (the core's trimming and default are its own).
    func withCaption(_ caption: String?, on file: PreparedFile) -> PreparedFile {
        captionsApplied.append(CaptionApplied(file: file.id, caption: caption))
        return PreparedFile(id: file.id, kind: file.kind, size: file.size, thumbnail: file.thumbnail, caption: caption)
    }

    func send(files: [PreparedFile]) async throws -> FilesSending {
        let sending = try await onSendFiles(files)
        sentBatches.append(files)
        return sending
    }

    func saveDocument(_ message: MessageRef) async throws -> URL {
        savedDocuments.append(message)
        return try await onSaveDocument(message)
    }

    func discardSavedDocument(at fileURL: URL) { discardedDocuments.append(fileURL) }

    func markRead() async throws { markReadCount += 1 }
    func loadOlder() async throws -> Bool { true }
    func acknowledgeIdentityChange(of user: UserID) async throws {}
}

/// A caption or title the view model had applied to a prepared file.
struct CaptionApplied: Equatable {
    let file: UUID
    let caption: String?
}
