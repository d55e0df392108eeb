import Foundation
import InnomedFFI

final class RustConversationService: ConversationService, @unchecked Sendable {
    private let timeline: Timeline

    init(timeline: Timeline) {
        self.timeline = timeline
    }

    func entries() -> AsyncStream<[ConversationEntry]> {
        AsyncStream { continuation in
            let list = LiveList<TimelineItem>()
            let listener = TimelineBridge { diffs in
                let items = list.apply(diffs.map { ListOp(rustValue: $0) })
                continuation.yield(ConversationEntry.entries(rustValue: items))
            }
            let handle = timeline.subscribe(listener: listener)
            continuation.onTermination = { _ in handle.cancel() }
        }
    }

    func send(text: String) async throws {
        try await mapErrors { try await timeline.sendText(markdown: text) }
    }

    func reply(to event: EventID, text: String) async throws {
        try await mapErrors { try await timeline.reply(eventId: event.rawValue, markdown: text) }
    }

    func toggle(_ reaction: QuickReaction, on event: EventID) async throws {
        _ = try await mapErrors {
            try await timeline.toggleReaction(eventId: event.rawValue, reaction: reaction.rustValue)
        }
    }

    func sendPhoto(fileURL: URL, caption: String?) async throws -> AsyncStream<UploadProgress> {
        let (stream, continuation) = AsyncStream<UploadProgress>.pipe()
        let listener = PhotoUploadBridge(continuation)
        let sending = try await mapErrors {
            try await timeline.sendPhotoFile(path: fileURL.path, caption: caption, listener: listener)
        }
        let progress = sending.progress
        continuation.onTermination = { _ in progress.cancel() }
        return stream
    }

    func photo(_ message: MessageHandle, variant: PhotoVariant) async throws -> Data {
        try await mapErrors {
            try await timeline.fetchPhoto(message: message.rustValue, size: variant.rustValue)
        }
    }

    func markRead() async throws {
        _ = try await mapErrors { try await timeline.markRead() }
    }

    func loadOlder() async throws -> Bool {
        try await mapErrors { try await timeline.paginateBackwards(count: 30) }
    }

    func acknowledgeIdentityChange(of user: UserID) async throws {
        _ = try await mapErrors { try await timeline.acknowledgeIdentityChange(userId: user.rawValue) }
    }
}
