import Foundation
import InnomedFFI

final class RustConversationService: ConversationService, @unchecked Sendable {
    private let conversation: Conversation

    init(conversation: Conversation) {
        self.conversation = conversation
    }

    func entries() -> AsyncStream<[ConversationEntry]> {
        AsyncStream { continuation in
            let list = LiveList<InnomedFFI.ConversationItem>()
            let listener = ConversationBridge { diffs in
                let items = list.apply(diffs.map { ListOp(rustValue: $0) })
                continuation.yield(ConversationEntry.entries(rustValue: items))
            }
            let handle = conversation.subscribe(listener: listener)
            continuation.onTermination = { _ in handle.cancel() }
        }
    }

    func send(text: String) async throws {
        try await mapErrors { try await conversation.sendText(markdown: text) }
    }

    func reply(to event: EventID, text: String) async throws {
        try await mapErrors { try await conversation.reply(eventId: event.rawValue, markdown: text) }
    }

    func toggle(_ reaction: Reaction, on event: EventID) async throws {
        _ = try await mapErrors {
            try await conversation.toggleReaction(eventId: event.rawValue, reaction: reaction.rustValue)
        }
    }

    func sendPhoto(fileURL: URL, caption: String?) async throws -> AsyncStream<UploadProgress> {
        let (stream, continuation) = AsyncStream<UploadProgress>.pipe()
        let listener = PhotoUploadBridge(continuation)
        let sending = try await mapErrors {
            try await conversation.sendPhoto(source: .file(fileURL.path), caption: caption, listener: listener)
        }
        let progress = sending.progress
        continuation.onTermination = { _ in progress.cancel() }
        return stream
    }

    func photo(_ message: MessageRef, variant: PhotoSize) async throws -> Data {
        try await mapErrors {
            try await conversation.fetchPhoto(message: message.rustValue, size: variant.rustValue)
        }
    }

    func prepareFile(at fileURL: URL) async throws -> PreparedFile {
        let file = try await mapErrors {
            try await InnomedFFI.prepareFile(source: .file(fileURL.path), caption: nil)
        }
        return PreparedFile(rustValue: file)
    }

    func withCaption(_ caption: String?, on file: PreparedFile) -> PreparedFile {
        // Only a file this service prepared has the core's object; any other is refused by `send`.
        guard let prepared = file.core as? InnomedFFI.PreparedFile else { return file }
        let captioned = prepared.withCaption(caption: caption)
        // The same file (its row, kind, size and thumbnail); the caption is the core's.
        return PreparedFile(id: file.id, kind: file.kind, size: file.size, thumbnail: file.thumbnail,
                            caption: captioned.caption(), core: captioned)
    }

    func send(files: [PreparedFile]) async throws -> FilesSending {
        // Only files this service prepared go back to the core.
        let prepared = files.compactMap { $0.core as? InnomedFFI.PreparedFile }
        guard prepared.count == files.count else { throw ServiceError.internalFailure }
        let (stream, continuation) = AsyncStream<FileUpload>.pipe()
        let batch = UploadBatch(continuation)
        let listener = FileUploadBridge { batch.report($0) }
        let sendings: [PhotoSending]
        do {
            sendings = try await mapErrors { try await conversation.sendFiles(files: prepared, listener: listener) }
        } catch {
            continuation.finish()
            throw error
        }
        let handles = sendings.map(\.progress)
        continuation.onTermination = { _ in handles.forEach { $0.cancel() } }
        let ids = sendings.map(\.transactionId)
        batch.expect(ids)
        return FilesSending(transactionIDs: ids, progress: stream)
    }

    func saveDocument(_ message: MessageRef) async throws -> URL {
        let path = try await mapErrors { try await conversation.saveDocument(message: message.rustValue) }
        let url = URL(fileURLWithPath: path)
        // Previewed only from the account's own folder, never from anywhere else.
        guard Self.isSavedDocument(url) else { throw ServiceError.internalFailure }
        // Readable only while the phone is unlocked, and never in a backup.
        try? FileManager.default.setAttributes([.protectionKey: FileProtectionType.complete], ofItemAtPath: url.path)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        var mutable = url
        try? mutable.setResourceValues(values)
        return url
    }

    func discardSavedDocument(at fileURL: URL) {
        guard Self.isSavedDocument(fileURL) else { return }
        try? FileManager.default.removeItem(at: fileURL)
    }

    /// A PDF inside the core's data folder (where the account's own folder is).
    private static func isSavedDocument(_ url: URL) -> Bool {
        let folder = AppPaths.coreData.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let file = url.standardizedFileURL.resolvingSymlinksInPath()
        return file.pathExtension.lowercased() == "pdf" && file.path.hasPrefix(folder)
    }

    func markRead() async throws {
        _ = try await mapErrors { try await conversation.markRead() }
    }

    func loadOlder() async throws -> Bool {
        try await mapErrors { try await conversation.paginateBackwards(count: 30) }
    }

    func acknowledgeIdentityChange(of user: UserID) async throws {
        _ = try await mapErrors { try await conversation.acknowledgeIdentityChange(userId: user.rawValue) }
    }
}

/// Ends a batch's progress stream once every file of it is sent or stopped for good; reports
/// may arrive before the core returned the batch's transaction ids.
final class UploadBatch: @unchecked Sendable {
    private let lock = NSLock()
    private let continuation: AsyncStream<FileUpload>.Continuation
    private var expected: Set<String>?
    private var done: Set<String> = []

    init(_ continuation: AsyncStream<FileUpload>.Continuation) {
        self.continuation = continuation
    }

    func report(_ update: FileUpload) {
        let finished: Bool = lock.withLock {
            if update.progress.isFinal { done.insert(update.transactionID) }
            return expected.map { $0.isSubset(of: done) } ?? false
        }
        continuation.yield(update)
        if finished { continuation.finish() }
    }

    func expect(_ transactionIDs: [String]) {
        let finished: Bool = lock.withLock {
            expected = Set(transactionIDs)
            return Set(transactionIDs).isSubset(of: done)
        }
        if finished { continuation.finish() }
    }
}
