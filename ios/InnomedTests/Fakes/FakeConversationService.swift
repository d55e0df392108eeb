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
    func markRead() async throws { markReadCount += 1 }
    func loadOlder() async throws -> Bool { true }
    func acknowledgeIdentityChange(of user: UserID) async throws {}
}
