import Foundation

/// One row of the conversation screen.
public struct ConversationEntry: Identifiable, Equatable, Sendable {
    /// Stable while the row lives: event id, else transaction id, else the row's kind.
    public let id: String
    public let content: ConversationItem

    public init(id: String, content: ConversationItem) {
        self.id = id
        self.content = content
    }
}

public enum ConversationItem: Equatable, Sendable {
    case message(CaseMessage)
    /// The first row of a new day.
    case dayDivider(Date)
    /// Everything below was not read yet.
    case readMarker
    /// The very beginning of the case.
    case start
}

/// Which message: by event id, or by transaction id while it is only on this device.
public enum MessageRef: Hashable, Sendable {
    case event(EventID)
    case local(transactionID: String)
}

/// An event of the case, decrypted on this device.
public struct CaseMessage: Equatable, Sendable {
    public let handle: MessageRef?
    public let sender: UserID
    public let isOwn: Bool
    public let date: Date
    public let body: MessageKind
    public let inReplyTo: EventID?
    public let edited: Bool
    /// For history shared at invitation: the colleague who shared it.
    public let sharedBy: UserID?
    public let delivery: SendState
    public let readBy: [UserID]
    /// The sender's identity as its decryption established it and this doctor trusts it now
    /// (the shield beside the sender); `TrustLevel.none` for what came in clear or undecrypted.
    public let trust: TrustLevel

    public init(handle: MessageRef?, sender: UserID, isOwn: Bool, date: Date, body: MessageKind,
                inReplyTo: EventID?, edited: Bool, sharedBy: UserID?, delivery: SendState,
                readBy: [UserID], trust: TrustLevel) {
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
        self.trust = trust
    }

    /// Replies need the homeserver's id.
    public var eventID: EventID? {
        if case .event(let id) = handle { return id }
        return nil
    }
}

public enum MessageKind: Equatable, Sendable {
    /// Markdown source.
    case text(String)
    case photo(PhotoMessage)
    /// A PDF (lab results, an ECG tracing, a letter) or another file; opened on demand.
    case document(DocumentMessage)
    case header(CaseHeader)
    case advice(Advice)
    case closure(outcome: String)
    /// The GP who asked the request wants to be called back on this number (the taker's case
    /// screen offers to call it).
    case callBack(CallBack)
    /// The sender placed a call: who and when are the message's sender and date, nothing of what
    /// was said.
    case call
    case unreadable(UtdReason)
    /// Nobody can vouch for it (arrived unencrypted, from a device its owner did not sign, or
    /// from a member nobody of the case invited): never shown as a colleague's words.
    case untrusted
    /// A header, advice or closure that breaks the case's rules (sent by a member who may not
    /// send it, or malformed): shown only as a flagged line, never its content.
    case rejected(RejectedEvent, Rejection)
    case membership(user: UserID, change: String)
    case redacted
    case other
}

/// Which case event was not taken into account.
public enum RejectedEvent: String, Sendable {
    case header, advice, closure
    /// A number to call back that is not the requesting GP's (or not a valid number).
    case callBack
    /// Another case event (a type this app does not know).
    case other
}

/// Why a case event was not taken into account.
public enum Rejection: String, Sendable {
    /// Only the doctor who opened the case writes its header and closes it.
    case notFromCreator
    /// Only the specialist who took the request gives the advice.
    case notFromTaker
    /// The case already has its header: a later one does not replace it.
    case headerAlreadyGiven
    /// Its content does not follow the format (missing, unknown or oversized fields).
    case malformed
}

/// Why a message cannot be read on this device; each has its own explanation.
public enum UtdReason: String, Sendable {
    case waiting, sentBeforeJoined, deviceNotVerified, noBackup, senderNotTrusted, withheld
}

public enum SendState: Equatable, Sendable {
    case sending
    case sent
    case failed(recoverable: Bool)
    /// Held back until the doctor acknowledges these colleagues' new identities.
    case blockedByIdentityChange([UserID])
}

/// What a photo message says; the pixels are fetched and decrypted on demand.
public struct PhotoMessage: Equatable, Sendable {
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

/// What a document message says, as the core read it from the encrypted event; the file itself
/// is downloaded, checked and cleaned again on demand (`ConversationService.saveDocument`).
public struct DocumentMessage: Equatable, Sendable {
    /// The title the sender gave it (their client's file name when they gave none).
    public let title: String
    /// As the sender's device counted them.
    public let pages: Int?
    /// In bytes.
    public let size: UInt64?
    /// Its thumbnail (a PDF's first page) comes like a photo's (`photo(_:variant: .thumbnail)`).
    public let hasThumbnail: Bool
    /// Only a PDF is opened; any other file is shown, never opened.
    public let isPdf: Bool

    public init(title: String, pages: Int?, size: UInt64?, hasThumbnail: Bool, isPdf: Bool) {
        self.title = title
        self.pages = pages
        self.size = size
        self.hasThumbnail = hasThumbnail
        self.isPdf = isPdf
    }
}

public enum PhotoSize: Sendable {
    /// About 320 px, fetched first.
    case thumbnail
    case full
}

/// Progress of one photo or document upload.
public enum UploadProgress: Equatable, Sendable {
    case uploading(sent: UInt64, total: UInt64)
    case sent(EventID)
    case failed(recoverable: Bool)

    /// Sent, or stopped for good: no report follows.
    public var isFinal: Bool {
        switch self {
        case .sent: return true
        case .failed(let recoverable): return !recoverable
        case .uploading: return false
        }
    }
}

/// The only reactions sent or shown (their keys travel in clear): 👍 👀 🙏 ✅.
public enum Reaction: String, CaseIterable, Sendable {
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
