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
