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
