import Combine
import Foundation
import InnomedServices

/// The conversation of one case: rows, composer, replies, photos, documents.
@MainActor
final class CaseViewModel: ObservableObject {
    let caseID: CaseID
    @Published private(set) var code = ""
    @Published private(set) var entries: [ConversationEntry] = []
    @Published private(set) var reachedStart = false
    @Published var composer = ""
    @Published private(set) var replyingTo: CaseMessage?
    @Published private(set) var isSending = false
    @Published private(set) var upload: UploadProgress?
    @Published var error: ServiceError?
    /// Members nobody can vouch for, as last checked (the screen warns about them).
    @Published private(set) var unvouched: [UnvouchedMember] = []
    /// Who is in the case or invited to it (and who left), named, as last read.
    @Published private(set) var members: [CaseMember] = [] {
        didSet { names = MemberNames(members) }
    }
    /// The names the screen gives people, from `members` (a value, so that rows drawn before the
    /// members were read are drawn again with their names).
    private(set) var names = MemberNames()
    /// The member being confirmed, while the core confirms them (the warning's buttons wait).
    @Published private(set) var confirming: UserID?
    /// The document being saved for its preview.
    @Published private(set) var openingDocument: MessageRef?
    /// The received document shown, saved in the account's own folder.
    @Published private(set) var preview: DocumentPreview?
    /// Photos and documents picked to be sent together.
    let attachments: AttachmentsViewModel

    private let cases: CaseService
    private let photos: PrivatePhotoStore
    private var conversation: ConversationService?
    private var thumbnails: [MessageRef: Data] = [:]
    private var lastReadID: String?
    /// Membership rows when the members were last checked; `nil`: check at the next rows.
    private var membershipsChecked: Int?
    /// The latest check: an older answer arriving late does not replace a newer one.
    private var memberCheck = 0

    init(cases: CaseService, caseID: CaseID, photos: PrivatePhotoStore = PrivatePhotoStore()) {
        self.cases = cases
        self.caseID = caseID
        self.photos = photos
        attachments = AttachmentsViewModel(store: photos)
    }

    /// Who opened the case: the sender of its header.
    var requester: UserID? {
        for entry in entries {
            if case .message(let message) = entry.content, case .header = message.body {
                return message.sender
            }
        }
        return nil
    }

    /// The name to show for someone of the case (a sender, the taker, who asked, who shared the
    /// history, a membership line, a member nobody vouches for, a colleague whose identity
    /// changed): the core's name for a member (CPTS directory, else profile), else the user id
    /// when they are not in the members list (not read yet, or not a member).
    func name(of user: UserID) -> String {
        names.name(of: user)
    }

    /// The members sheet's lines: who is in the case or invited to it (not who left), each
    /// flagged when nobody can vouch for them.
    var memberLines: [CaseMemberLine] {
        members.filter { $0.membership != .left }.map { member in
            CaseMemberLine(member: member, unvouched: unvouched.first { $0.user == member.user }?.reason)
        }
    }

    var canSend: Bool {
        conversation != nil && !isSending && !composer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Opens the conversation and follows it until the screen goes away.
    func load() async {
        code = (try? cases.code(of: caseID)) ?? ""
        do {
            let conversation = try await cases.conversation(for: caseID)
            self.conversation = conversation
            attachments.use(conversation)
            for await rows in conversation.entries() {
                entries = rows
                markReadIfNeeded()
                checkMembersIfNeeded()
            }
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    func send() async {
        guard canSend, let conversation else { return }
        let text = composer.trimmingCharacters(in: .whitespacesAndNewlines)
        isSending = true
        defer { isSending = false }
        do {
            if let target = replyingTo?.eventID {
                try await conversation.reply(to: target, text: text)
            } else {
                try await conversation.send(text: text)
            }
            composer = ""
            replyingTo = nil
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    func reply(to message: CaseMessage) {
        guard message.eventID != nil else { return }
        replyingTo = message
    }

    func cancelReply() {
        replyingTo = nil
    }

    func react(_ reaction: Reaction, to message: CaseMessage) async {
        guard let event = message.eventID, let conversation else { return }
        do {
            try await conversation.toggle(reaction, on: event)
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    func loadOlder() async {
        guard let conversation else { return }
        do {
            reachedStart = try await conversation.loadOlder()
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// The decrypted photo; thumbnails are kept in memory while the screen lives.
    func photo(of message: CaseMessage, variant: PhotoSize) async -> Data? {
        guard let handle = message.handle, let conversation else { return nil }
        if variant == .thumbnail, let cached = thumbnails[handle] { return cached }
        do {
            let data = try await conversation.photo(handle, variant: variant)
            if variant == .thumbnail { thumbnails[handle] = data }
            return data
        } catch {
            if variant == .full { self.error = ServiceError.from(error) }
            return nil
        }
    }

    /// A camera photo for this case: kept in private storage until the core queued it.
    func sendPhoto(jpeg: Data) async {
        guard let conversation else { return }
        let url: URL
        do {
            url = try photos.save(jpeg: jpeg)
        } catch {
            self.error = .storage
            return
        }
        defer { photos.delete(url) }
        do {
            let progress = try await conversation.sendPhoto(fileURL: url, caption: nil)
            Task { [weak self] in
                for await step in progress { self?.upload = step }
                self?.upload = nil
            }
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// Saves a received PDF (downloaded, checked and cleaned again by the core) into the account's
    /// own folder, then shows it. Any other file is never opened.
    func open(_ message: CaseMessage) async {
        guard case .document(let document) = message.body, document.isPdf, openingDocument == nil,
              let handle = message.handle, let conversation else { return }
        openingDocument = handle
        defer { openingDocument = nil }
        do {
            let url = try await conversation.saveDocument(handle)
            preview = DocumentPreview(url: url, title: document.title)
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// The preview is closed: its copy is deleted at once.
    func closePreview() {
        guard let shown = preview else { return }
        preview = nil
        conversation?.discardSavedDocument(at: shown.url)
    }

    /// The doctor checked with these colleagues: send what waited for their new identity.
    func acknowledge(_ users: [UserID]) async {
        guard let conversation else { return }
        do {
            for user in users { try await conversation.acknowledgeIdentityChange(of: user) }
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// The doctor confirms a member they have not verified and their CPTS has not attested (the
    /// warning offers it while the core allows it); who nobody vouches for is checked again at
    /// once.
    func confirm(_ user: UserID) async {
        guard confirming == nil else { return }
        confirming = user
        defer { confirming = nil }
        do {
            try await cases.confirmMember(user, in: caseID)
        } catch {
            self.error = ServiceError.from(error)
            return
        }
        membershipsChecked = nil
        checkMembersIfNeeded()
    }

    /// Reads the members again, their trust levels with them (back from verifying one of them).
    func refreshMembers() {
        membershipsChecked = nil
        checkMembersIfNeeded()
    }

    /// Asks who is in the case (by name) and who nobody can vouch for when the case is first
    /// shown and whenever a membership row comes or goes (a join, a forced join, an invitation),
    /// without holding up the next rows. A failed check keeps the last lists and is tried again
    /// with the next rows.
    private func checkMembersIfNeeded() {
        let memberships = entries.filter(\.isMembership).count
        guard memberships != membershipsChecked else { return }
        membershipsChecked = memberships
        memberCheck += 1
        let check = memberCheck
        Task { [weak self, cases, caseID] in
            do {
                let members = try await cases.unvouchedMembers(of: caseID)
                if self?.memberCheck == check { self?.unvouched = members }
            } catch {
                if self?.memberCheck == check { self?.membershipsChecked = nil }
            }
        }
        Task { [weak self, cases, caseID] in
            do {
                let members = try await cases.members(of: caseID)
                if self?.memberCheck == check { self?.members = members }
            } catch {
                if self?.memberCheck == check { self?.membershipsChecked = nil }
            }
        }
    }

    /// A read receipt when a new message arrived, without holding up the next rows.
    private func markReadIfNeeded() {
        guard let last = entries.last(where: \.isMessage), last.id != lastReadID,
              let conversation else { return }
        lastReadID = last.id
        Task { try? await conversation.markRead() }
    }
}

/// A received document saved for its preview (the file in the account's own folder).
struct DocumentPreview: Identifiable, Equatable {
    let url: URL
    /// As the sender titled it.
    let title: String
    var id: URL { url }
}

/// One line of the members sheet: who (with the core's trust in their identity, the shield beside
/// the name), and why nobody can vouch for them (`nil` when someone can).
struct CaseMemberLine: Equatable, Identifiable {
    let member: CaseMember
    let unvouched: Unvouched?
    var id: UserID { member.user }

    /// "Vérifier (émojis)" beside a joined colleague whose identity this doctor has not verified,
    /// as the core's trust level says (attested by the CPTS, changed, first seen, or none). The
    /// core gives the doctor themself as verified; someone only invited has no device to verify yet.
    var canVerify: Bool { member.membership == .joined && member.trust != .verified }
}

extension CaseMessage {
    /// The shield beside the sender: the core's trust level for what a sender wrote and this
    /// phone decrypted, or ignored as nobody's words. `nil` where the level says nothing about
    /// the person: a membership line (the homeserver relays it in clear), a deleted message, one
    /// not decrypted (yet), an event this app does not draw.
    var shield: TrustLevel? {
        switch body {
        case .text, .photo, .document, .header, .advice, .closure, .callBack, .call, .rejected, .untrusted:
            return trust
        case .membership, .unreadable, .redacted, .other:
            return nil
        }
    }
}

private extension ConversationEntry {
    var isMessage: Bool {
        if case .message = content { return true }
        return false
    }

    var isMembership: Bool {
        if case .message(let message) = content, case .membership = message.body { return true }
        return false
    }
}
