import Foundation

/// One row of the conversation screen.
public struct ConversationEntry: Identifiable, Equatable, Sendable {
    /// Stable while the row lives: event id, else transaction id, else the row's kind.
    public let id: String
    public let content: EntryContent

    public init(id: String, content: EntryContent) {
        self.id = id
        self.content = content
    }
}

public enum EntryContent: Equatable, Sendable {
    case message(MessageEntry)
    /// The first row of a new day.
    case dayDivider(Date)
    /// Everything below was not read yet.
    case readMarker
    /// The very beginning of the case.
    case start
}

/// Which message: by event id, or by transaction id while it is only on this device.
public enum MessageHandle: Hashable, Sendable {
    case event(EventID)
    case local(transactionID: String)
}

/// An event of the case, decrypted on this device.
public struct MessageEntry: Equatable, Sendable {
    public let handle: MessageHandle?
    public let sender: UserID
    public let isOwn: Bool
    public let date: Date
    public let body: MessageBody
    public let inReplyTo: EventID?
    public let edited: Bool
    /// For history shared at invitation: the colleague who shared it.
    public let sharedBy: UserID?
    public let delivery: DeliveryState
    public let readBy: [UserID]

    public init(handle: MessageHandle?, sender: UserID, isOwn: Bool, date: Date, body: MessageBody,
                inReplyTo: EventID?, edited: Bool, sharedBy: UserID?, delivery: DeliveryState,
                readBy: [UserID]) {
        self.handle = handle
        self.sender = sender
        self.isOwn = isOwn
        self.date = date
        self.body = body
        self.inReplyTo = inReplyTo
        self.edited = edited
        self.sharedBy = sharedBy
        self.delivery = delivery
        self.readBy = readBy
    }

    /// Replies need the homeserver's id.
    public var eventID: EventID? {
        if case .event(let id) = handle { return id }
        return nil
    }
}

public enum MessageBody: Equatable, Sendable {
    /// Markdown source.
    case text(String)
    case photo(PhotoInfo)
    case header(PatientHeader)
    case advice(AdviceCard)
    case closure(outcome: String)
    case unreadable(UnreadableReason)
    /// Arrived unencrypted in an encrypted case: never shown as a colleague's words.
    case untrusted
    case membership(user: UserID, change: String)
    case redacted
    case other
}

/// Why a message cannot be read on this device; each has its own explanation.
public enum UnreadableReason: String, Sendable {
    case waiting, sentBeforeJoined, deviceNotVerified, noBackup, senderNotTrusted, withheld
}

public enum DeliveryState: Equatable, Sendable {
    case sending
    case sent
    case failed(recoverable: Bool)
    /// Held back until the doctor acknowledges these colleagues' new identities.
    case blockedByIdentityChange([UserID])
}

/// What a photo message says; the pixels are fetched and decrypted on demand.
public struct PhotoInfo: Equatable, Sendable {
    public let caption: String?
    public let width: Int?
    public let height: Int?
    public let hasThumbnail: Bool

    public init(caption: String?, width: Int?, height: Int?, hasThumbnail: Bool) {
        self.caption = caption
        self.width = width
        self.height = height
        self.hasThumbnail = hasThumbnail
    }

    /// Width over height, for a placeholder of the right shape.
    public var aspectRatio: Double? {
        guard let width, let height, height > 0 else { return nil }
        return Double(width) / Double(height)
    }
}

public enum PhotoVariant: Sendable {
    /// About 320 px, fetched first.
    case thumbnail
    case full
}

/// Progress of one photo upload.
public enum UploadProgress: Equatable, Sendable {
    case uploading(sent: UInt64, total: UInt64)
    case sent(EventID)
    case failed(recoverable: Bool)
}

/// The only reactions sent or shown (their keys travel in clear): 👍 👀 🙏 ✅.
public enum QuickReaction: String, CaseIterable, Sendable {
    case agree, seen, thanks, done

    public var symbol: String {
        switch self {
        case .agree: return "👍"
        case .seen: return "👀"
        case .thanks: return "🙏"
        case .done: return "✅"
        }
    }
}
