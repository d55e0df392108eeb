import Foundation

/// What the core made of a picked file: a photo or a PDF, told apart by its bytes, never by
/// its name or by the picker it came from.
public enum FileKind: Equatable, Sendable {
    case photo(width: Int, height: Int)
    case document(pages: Int)
}

/// A photo sanitised or a PDF cleaned on this phone, not sent yet. Nothing of it has left the
/// phone; it goes into the case as it is, or with the title or caption the doctor typed
/// (`ConversationService.withCaption`), with `ConversationService.send(files:)`.
public struct PreparedFile: Identifiable, Equatable, @unchecked Sendable {
    public let id: UUID
    public let kind: FileKind
    /// The bytes that will be encrypted and uploaded.
    public let size: UInt64
    /// The JPEG that goes with it as its thumbnail (a photo's, a PDF's first page): decoded
    /// within bounds like any received image.
    public let thumbnail: Data?
    /// A photo's caption or a document's title, as it will be sent.
    public let caption: String?
    /// The core's own prepared file, handed back to it when sending (`nil` in tests).
    let core: AnyObject?

    public init(id: UUID = UUID(), kind: FileKind, size: UInt64, thumbnail: Data?, caption: String?) {
        self.init(id: id, kind: kind, size: size, thumbnail: thumbnail, caption: caption, core: nil)
    }

    init(id: UUID = UUID(), kind: FileKind, size: UInt64, thumbnail: Data?, caption: String?, core: AnyObject?) {
        self.id = id
        self.kind = kind
        self.size = size
        self.thumbnail = thumbnail
        self.caption = caption
        self.core = core
    }

    public static func == (lhs: PreparedFile, rhs: PreparedFile) -> Bool {
        lhs.id == rhs.id && lhs.kind == rhs.kind && lhs.size == rhs.size
            && lhs.thumbnail == rhs.thumbnail && lhs.caption == rhs.caption
    }
}

/// One report on one file of a batch.
public struct FileUpload: Equatable, Sendable {
    /// The file's transaction id, also its local echo's in the conversation.
    public let transactionID: String
    public let progress: UploadProgress

    public init(transactionID: String, progress: UploadProgress) {
        self.transactionID = transactionID
        self.progress = progress
    }
}

/// Files queued together, durably on this phone, in the doctor's order.
public struct FilesSending: Sendable {
    /// One per file, in the order they were given.
    public let transactionIDs: [String]
    /// Each file's uploads; ends once every file is sent or stopped for good.
    public let progress: AsyncStream<FileUpload>

    public init(transactionIDs: [String], progress: AsyncStream<FileUpload>) {
        self.transactionIDs = transactionIDs
        self.progress = progress
    }
}
