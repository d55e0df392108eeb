import Foundation
import InnomedFFI

// The models of this module carry the core's names, so a generated type of the same name is
// always written with its module (`InnomedFFI.CaseStatus`); an unqualified name is this module's
// (InnomedServices), which shadows the imported one.

extension ConversationEntry {
    /// Rows with ids that stay put: a message keeps its transaction id from the local echo on.
    static func entries(rustValue items: [InnomedFFI.ConversationItem]) -> [ConversationEntry] {
        items.enumerated().map { index, item in
            switch item {
            case .message(let message):
                let id = message.transactionId ?? message.eventId ?? "message-\(index)"
                return ConversationEntry(id: id, content: .message(CaseMessage(rustValue: message)))
            case .dayDivider(let timestampMs):
                return ConversationEntry(id: "day-\(timestampMs)", content: .dayDivider(Date(milliseconds: timestampMs)))
            case .readMarker:
                return ConversationEntry(id: "read-marker", content: .readMarker)
            case .start:
                return ConversationEntry(id: "start", content: .start)
            }
        }
    }
}

extension CaseMessage {
    init(rustValue m: InnomedFFI.CaseMessage) {
        let handle: MessageRef?
        if let eventId = m.eventId {
            handle = .event(EventID(eventId))
        } else if let transactionId = m.transactionId {
            handle = .local(transactionID: transactionId)
        } else {
            handle = nil
        }
        self.init(handle: handle, sender: UserID(m.sender), isOwn: m.isOwn,
                  date: Date(milliseconds: m.timestampMs), body: MessageKind(rustValue: m.kind),
                  inReplyTo: m.inReplyTo.map(EventID.init), edited: m.edited,
                  sharedBy: m.sharedBy.map(UserID.init), delivery: SendState(rustValue: m.sendState),
                  readBy: m.readBy.map(UserID.init), trust: TrustLevel(rustValue: m.trust))
    }
}

extension MessageKind {
    init(rustValue kind: InnomedFFI.MessageKind) {
        switch kind {
        case .text(let body, _): self = .text(body)
        case .photo(let photo): self = .photo(PhotoMessage(rustValue: photo))
        case .document(let document): self = .document(DocumentMessage(rustValue: document))
        case .header(let header): self = .header(CaseHeader(rustValue: header))
        case .adviceCard(let advice): self = .advice(Advice(rustValue: advice))
        case .closure(let outcome): self = .closure(outcome: outcome)
        case .callBack(let callBack): self = .callBack(CallBack(rustValue: callBack))
        case .call: self = .call
        case .unableToDecrypt(let reason): self = .unreadable(UtdReason(rustValue: reason))
        case .untrusted: self = .untrusted
        // Only the kind of event and the reason cross: the rejected content is never shown.
        case .rejected(let eventType, let reason):
            self = .rejected(RejectedEvent(eventType: eventType), Rejection(rustValue: reason))
        case .membership(let userId, let change): self = .membership(user: UserID(userId), change: change)
        case .redacted: self = .redacted
        case .other: self = .other
        }
    }
}

extension RejectedEvent {
    /// The case events the core judges (`fr.innomed.case.*`, the wire types of `core/src/cases/events.rs`).
    init(eventType: String) {
        switch eventType {
        case "fr.innomed.case.header": self = .header
        case "fr.innomed.case.advice": self = .advice
        case "fr.innomed.case.closure": self = .closure
        case "fr.innomed.case.call_back": self = .callBack
        default: self = .other
        }
    }
}

extension Rejection {
    init(rustValue: InnomedFFI.Rejection) {
        switch rustValue {
        case .notFromCreator: self = .notFromCreator
        case .notFromTaker: self = .notFromTaker
        case .headerAlreadyGiven: self = .headerAlreadyGiven
        case .malformed: self = .malformed
        }
    }
}

extension UtdReason {
    init(rustValue: InnomedFFI.UtdReason) {
        switch rustValue {
        case .waiting: self = .waiting
        case .sentBeforeJoined: self = .sentBeforeJoined
        case .deviceNotVerified: self = .deviceNotVerified
        case .noBackup: self = .noBackup
        case .senderNotTrusted: self = .senderNotTrusted
        case .withheld: self = .withheld
        }
    }
}

extension SendState {
    init(rustValue: InnomedFFI.SendState) {
        switch rustValue {
        case .sending: self = .sending
        case .sent: self = .sent
        case .failed(let recoverable): self = .failed(recoverable: recoverable)
        case .blockedByIdentityChange(let users): self = .blockedByIdentityChange(users.map(UserID.init))
        }
    }
}

extension PhotoMessage {
    init(rustValue p: InnomedFFI.PhotoMessage) {
        self.init(caption: p.caption, width: p.width.map { Int($0) }, height: p.height.map { Int($0) },
                  hasThumbnail: p.hasThumbnail)
    }
}

extension DocumentMessage {
    init(rustValue d: InnomedFFI.DocumentMessage) {
        self.init(title: d.title, pages: d.pages.map { Int($0) }, size: d.size, hasThumbnail: d.hasThumbnail,
                  isPdf: d.isPdf)
    }
}

extension FileKind {
    init(rustValue: InnomedFFI.FileKind) {
        switch rustValue {
        case .photo(let width, let height): self = .photo(width: Int(width), height: Int(height))
        case .document(let pages): self = .document(pages: Int(pages))
        }
    }
}

extension PreparedFile {
    /// What the core prepared, read once; the core's object goes back to it when sending.
    init(rustValue file: InnomedFFI.PreparedFile) {
        self.init(kind: FileKind(rustValue: file.kind()), size: file.size(), thumbnail: file.thumbnail(),
                  caption: file.caption(), core: file)
    }
}

extension UploadProgress {
    init(rustValue: InnomedFFI.UploadProgress) {
        switch rustValue {
        case .uploading(let sent, let total): self = .uploading(sent: sent, total: total)
        case .sent(let eventId): self = .sent(EventID(eventId))
        case .failed(let recoverable): self = .failed(recoverable: recoverable)
        }
    }
}

extension MessageRef {
    var rustValue: InnomedFFI.MessageRef {
        switch self {
        case .event(let id): return .event(id.rawValue)
        case .local(let transactionID): return .local(transactionID)
        }
    }
}

extension PhotoSize {
    var rustValue: InnomedFFI.PhotoSize {
        switch self {
        case .thumbnail: return .thumbnail
        case .full: return .full
        }
    }
}

extension Reaction {
    var rustValue: InnomedFFI.Reaction {
        switch self {
        case .agree: return .agree
        case .seen: return .seen
        case .thanks: return .thanks
        case .done: return .done
        }
    }
}

extension ListOp where Element == InnomedFFI.ConversationItem {
    init(rustValue diff: ConversationDiff) {
        switch diff {
        case .append(let values): self = .append(values)
        case .clear: self = .clear
        case .pushFront(let value): self = .pushFront(value)
        case .pushBack(let value): self = .pushBack(value)
        case .popFront: self = .popFront
        case .popBack: self = .popBack
        case .insert(let index, let value): self = .insert(Int(index), value)
        case .set(let index, let value): self = .set(Int(index), value)
        case .remove(let index): self = .remove(Int(index))
        case .truncate(let length): self = .truncate(Int(length))
        case .reset(let values): self = .reset(values)
        }
    }
}
