import Foundation

/// The live conversation of one case.
public protocol ConversationService: AnyObject {
    /// Every row now, then the rows after each change (sync, sending, pagination).
    func entries() -> AsyncStream<[ConversationEntry]>

    /// Sends a markdown message; returns once it is durably queued on this device.
    func send(text: String) async throws
    func reply(to event: EventID, text: String) async throws
    func toggle(_ reaction: Reaction, on event: EventID) async throws

    /// Queues a photo from a file in the app's private storage (the core sanitises it and
    /// never sends the file's name); the stream reports the upload.
    func sendPhoto(fileURL: URL, caption: String?) async throws -> AsyncStream<UploadProgress>

    /// The decrypted thumbnail or full image of a photo message, checked against its hash.
    func photo(_ message: MessageRef, variant: PhotoSize) async throws -> Data

    /// Sends a read receipt for the latest message.
    func markRead() async throws

    /// Loads older messages; `true` once the start of the case is reached.
    func loadOlder() async throws -> Bool

    /// The doctor checked with the colleague: send what waited for their new identity.
    func acknowledgeIdentityChange(of user: UserID) async throws
}
