import Foundation
import InnomedServices

// Localisation keys of the models' values; the views show `L10n.string(value.labelKey)`.

extension ServiceError {
    /// In words, with the numbers the core gave where it gave some.
    var message: String {
        switch self {
        case .photoTooLarge(let size, let limit):
            return L10n.format("error.photoTooLarge.sizes", FileLabel.size(size), FileLabel.size(limit))
        case .tooManyPages(let pages, let limit):
            return L10n.format("error.tooManyPages.count", pages, limit)
        default:
            return L10n.string(localizationKey)
        }
    }
}

/// How a file is described: its title, and "3 pages · 245 Ko", from what the core says of it
/// (never measured again here).
enum FileLabel {
    /// "245 Ko", in the interface's language.
    static func size(_ bytes: UInt64) -> String {
        ByteCountFormatter.string(fromByteCount: Int64(clamping: bytes), countStyle: .file)
    }

    /// "3 pages · 245 Ko", with whatever of it is known (empty when nothing is).
    static func details(pages: Int?, size: UInt64?) -> String {
        var parts: [String] = []
        if let pages {
            parts.append(pages == 1 ? L10n.string("file.onePage") : L10n.format("file.pages", pages))
        }
        if let size {
            parts.append(Self.size(size))
        }
        return parts.joined(separator: " · ")
    }

    /// A prepared file's title: a document's as it will be sent, else "Photo" or "Document".
    static func title(of file: PreparedFile) -> String {
        if let caption = file.caption, !caption.isEmpty { return caption }
        switch file.kind {
        case .photo: return L10n.string("file.photo")
        case .document: return L10n.string("file.document")
        }
    }

    /// A prepared file's details: a document's "3 pages · 245 Ko", a photo's "412 Ko".
    static func details(of file: PreparedFile) -> String {
        switch file.kind {
        case .document(let pages): return details(pages: pages, size: file.size)
        case .photo: return size(file.size)
        }
    }
}

extension CaseStatus {
    var labelKey: String { "status.\(rawValue)" }
}

extension Urgency {
    var labelKey: String { "urgency.\(rawValue)" }
}

extension AgeBand {
    var labelKey: String { "age.\(rawValue)" }
}

extension Sex {
    var labelKey: String { "sex.\(rawValue)" }
}

extension InPerson {
    var labelKey: String { "inPerson.\(rawValue)" }
}

extension UtdReason {
    var labelKey: String { "unreadable.\(rawValue)" }
}

extension RejectedEvent {
    /// The title of a case event that was not taken into account.
    var rejectedKey: String {
        switch self {
        case .header: return "rejected.header"
        case .advice: return "rejected.advice"
        case .closure: return "rejected.closure"
        case .callBack: return "rejected.callBack"
        case .other: return "rejected.other"
        }
    }
}

extension Rejection {
    var labelKey: String {
        switch self {
        case .notFromCreator: return "rejection.notFromCreator"
        case .notFromTaker: return "rejection.notFromTaker"
        case .headerAlreadyGiven: return "rejection.headerAlreadyGiven"
        case .malformed: return "rejection.malformed"
        }
    }
}

extension Unvouched {
    /// One line per member: `%@` is the member's id.
    var labelKey: String {
        switch self {
        case .notInvitedByMember: return "unvouched.notInvitedByMember"
        case .noCrossSigning: return "unvouched.noCrossSigning"
        case .notConfirmed: return "unvouched.notConfirmed"
        }
    }

    /// The members sheet's flag, under the member's name.
    var memberFlagKey: String {
        switch self {
        case .notInvitedByMember: return "members.notInvitedByMember"
        case .noCrossSigning: return "members.noCrossSigning"
        case .notConfirmed: return "members.notConfirmed"
        }
    }
}

extension Profession {
    var labelKey: String { "profession.\(rawValue)" }
}

extension Weekday {
    /// A day as a title: "Lundi".
    var labelKey: String { "weekday.\(rawValue)" }

    /// A day within a sentence: "lundi" (English keeps its capital).
    var inlineKey: String { "weekdayInline.\(rawValue)" }
}

extension DeadlineState {
    var labelKey: String {
        switch self {
        case .onTime: return "deadline.onTime"
        case .dueSoon: return "deadline.dueSoon"
        case .overdue: return "deadline.overdue"
        case .done: return "deadline.done"
        }
    }
}

extension TrustLevel {
    /// What a trust shield says: read aloud, and written beside it for a changed identity.
    var labelKey: String {
        switch self {
        case .verified: return "trust.verified"
        case .attested: return "trust.attested"
        case .unverified: return "trust.unverified"
        case .changed: return "trust.changed"
        case .none: return "trust.none"
        }
    }
}

extension Array where Element == Specialty {
    /// The label of a specialty code in the interface's language (the code if unknown).
    func label(for code: String?) -> String? {
        guard let code else { return nil }
        return first { $0.code == code }?.label(languageCode: L10n.languageCode) ?? code
    }
}

/// The sentence of a membership line in a case's conversation, by the core's `change` code (the
/// SDK's `MembershipChange` names: `Joined`, `Kicked`, …); its `%@` is the member's name. A code
/// with no sentence of its own, or one this app does not know, reads as a generic change, never
/// as the code.
enum MembershipChangeLabel {
    static func key(for change: String) -> String {
        switch change {
        case "Joined", "InvitationAccepted": return "membership.joined"
        // A knock accepted is an invitation to the one who knocked.
        case "Invited", "KnockAccepted": return "membership.invited"
        case "Left": return "membership.left"
        case "Kicked", "KickedAndBanned", "Banned": return "membership.removed"
        case "InvitationRejected": return "membership.invitationDeclined"
        case "InvitationRevoked": return "membership.invitationWithdrawn"
        default: return "membership.other"
        }
    }
}

extension HitKind {
    /// What matched, in words: "En-tête", "Légende de photo"…
    var labelKey: String { "search.kind.\(rawValue)" }
}
