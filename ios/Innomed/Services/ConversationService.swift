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

    /// The decrypted thumbnail or full image of a photo message (or a document's thumbnail),
    /// checked against its hash.
    func photo(_ message: MessageRef, variant: PhotoSize) async throws -> Data

    /// Prepares a picked file, kept in the app's private storage, for sending: the core tells a
    /// photo from a PDF by its bytes, sanitises the photo or cleans the PDF, and refuses what it
    /// cannot send, each reason its own error (`encryptedDocument`, `tooManyPages`,
    /// `unsupportedFormat`, `corruptPhoto`…). Nothing leaves the phone, and the file may be
    /// deleted once this returns.
    func prepareFile(at fileURL: URL) async throws -> PreparedFile

    /// The same prepared file with the caption (a photo) or title (a document) the doctor typed
    /// after picking it, as the core takes it (trimmed; a blank title leaves a document's default,
    /// "Document"). Nothing is sanitised or cleaned again, and nothing leaves the phone.
    func withCaption(_ caption: String?, on file: PreparedFile) -> PreparedFile

    /// Queues prepared files in this order, durably on this phone (nothing is uploaded unless
    /// the case header records the patient's consent); their uploads are reported by file.
    func send(files: [PreparedFile]) async throws -> FilesSending

    /// A received PDF, downloaded, checked against its hash and cleaned again, written into the
    /// account's own folder (in the app's container) for the preview; returns that file.
    func saveDocument(_ message: MessageRef) async throws -> URL

    /// Deletes a file written by `saveDocument` once its preview is closed (the core also empties
    /// a case's documents when the doctor leaves it, and everything at sign-out).
    func discardSavedDocument(at fileURL: URL)

    /// Sends a read receipt for the latest message.
    func markRead() async throws

    /// Loads older messages; `true` once the start of the case is reached.
    func loadOlder() async throws -> Bool

    /// The doctor checked with the colleague: send what waited for their new identity.
    func acknowledgeIdentityChange(of user: UserID) async throws
}
