import Combine
import Foundation
import InnomedServices

/// A file handed over by a picker, not read yet: `copy` puts it in the app's private storage
/// (`PrivatePhotoStore`) and returns that copy (the pickers are in `FilePickers.swift`).
struct PickedFile {
    let copy: () async throws -> URL
}

/// One file the doctor picked for the case: prepared on the phone as soon as picked, then
/// ready to send, or refused with the core's reason.
struct Attachment: Identifiable, Equatable {
    enum State: Equatable {
        case preparing
        case ready(PreparedFile)
        case refused(ServiceError)
    }

    let id: UUID
    fileprivate(set) var state: State
    /// What the doctor typed under the accepted file: a document's title, a photo's caption.
    /// Applied when sending; left blank, the file goes as the core prepared it.
    fileprivate(set) var caption = ""
}

/// Where the files sent together stand, for the composer.
struct FilesProgress: Equatable {
    let count: Int
    /// Sent, or stopped for good (the conversation says which).
    let finished: Int
    /// From 0 to 1: the finished files, and the bytes sent of the others.
    let fraction: Double
}

/// Photos and documents sent into the case together: each prepared by the core as soon as it
/// is picked (listed with its thumbnail, or with the core's refusal in words), given a title or a
/// caption, removable, then the accepted ones sent in the doctor's order. Nothing is decided
/// here: what a file is, its pages and size, any refusal and the title sent are the core's.
@MainActor
final class AttachmentsViewModel: ObservableObject {
    /// In the order picked (the order they are sent in).
    @Published private(set) var items: [Attachment] = []
    @Published private(set) var isSending = false
    /// The files queued by the last sends, while any of them is still uploading.
    @Published private(set) var progress: FilesProgress?
    /// Whether the case's conversation is open (files can be prepared and sent).
    @Published private(set) var isAvailable = false
    @Published var error: ServiceError?

    /// Where the pickers' copies wait until the core prepared them.
    let store: PrivatePhotoStore
    private var conversation: ConversationService?
    /// The uploads followed, by transaction id, in the order sent.
    private var uploads: [(id: String, progress: UploadProgress)] = []

    init(store: PrivatePhotoStore = PrivatePhotoStore()) {
        self.store = store
    }

    /// The case's conversation, once open.
    func use(_ conversation: ConversationService) {
        self.conversation = conversation
        isAvailable = true
    }

    /// The files the core accepted, in the order picked.
    var ready: [PreparedFile] {
        items.compactMap { item in
            if case .ready(let file) = item.state { return file }
            return nil
        }
    }

    var isPreparing: Bool {
        items.contains { $0.state == .preparing }
    }

    /// Once every file is prepared, with at least one accepted.
    var canSend: Bool {
        conversation != nil && !isSending && !isPreparing && !ready.isEmpty
    }

    /// Lists the picked files at once, in the order picked, then has the core prepare each in
    /// that order; each copy is deleted once the core has read it.
    func attach(_ picked: [PickedFile]) async {
        let rows = picked.map { (id: UUID(), file: $0) }
        items += rows.map { Attachment(id: $0.id, state: .preparing) }
        for row in rows {
            await prepare(row.file, id: row.id)
        }
    }

    /// What the doctor types under a file: a document's title, a photo's caption.
    func setCaption(_ caption: String, for id: UUID) {
        guard let index = items.firstIndex(where: { $0.id == id }) else { return }
        items[index].caption = caption
    }

    func remove(_ id: UUID) {
        items.removeAll { $0.id == id }
    }

    func remove(atOffsets offsets: IndexSet) {
        let ids = offsets.filter { items.indices.contains($0) }.map { items[$0].id }
        items.removeAll { ids.contains($0.id) }
    }

    /// The doctor gave up: nothing is sent, what was prepared is dropped.
    func discardAll() {
        items = []
        error = nil
    }

    /// Queues the accepted files in their order, each with the title or caption typed under it;
    /// `true` once queued (the list is emptied and their uploads followed). A refusal (no
    /// consent, someone nobody vouches for…) keeps the list, and what was typed, and says why.
    func send() async -> Bool {
        guard canSend, let conversation else { return false }
        let files = items.compactMap { item -> PreparedFile? in
            guard case .ready(let file) = item.state else { return nil }
            let typed = item.caption.trimmingCharacters(in: .whitespacesAndNewlines)
            return typed.isEmpty ? file : conversation.withCaption(item.caption, on: file)
        }
        isSending = true
        defer { isSending = false }
        error = nil
        do {
            let sending = try await conversation.send(files: files)
            items = []
            follow(sending)
            return true
        } catch {
            self.error = ServiceError.from(error)
            return false
        }
    }

    private func prepare(_ picked: PickedFile, id: UUID) async {
        guard let conversation else {
            settle(id, .refused(.internalFailure))
            return
        }
        let url: URL
        do {
            url = try await picked.copy()
        } catch {
            settle(id, .refused(.unreadableFile))
            return
        }
        defer { store.delete(url) }
        do {
            let file = try await conversation.prepareFile(at: url)
            settle(id, .ready(file))
        } catch {
            settle(id, .refused(ServiceError.from(error)))
        }
    }

    /// A file removed while it was being prepared stays removed.
    private func settle(_ id: UUID, _ state: Attachment.State) {
        guard let index = items.firstIndex(where: { $0.id == id }) else { return }
        items[index].state = state
    }

    private func follow(_ sending: FilesSending) {
        uploads += sending.transactionIDs.map { (id: $0, progress: UploadProgress.uploading(sent: 0, total: 0)) }
        updateProgress()
        let ids = Set(sending.transactionIDs)
        Task { [weak self] in
            for await report in sending.progress {
                self?.record(report)
            }
            self?.forget(ids)
        }
    }

    private func record(_ report: FileUpload) {
        guard let index = uploads.firstIndex(where: { $0.id == report.transactionID }) else { return }
        uploads[index].progress = report.progress
        updateProgress()
    }

    private func forget(_ ids: Set<String>) {
        uploads.removeAll { ids.contains($0.id) }
        updateProgress()
    }

    private func updateProgress() {
        guard !uploads.isEmpty else {
            progress = nil
            return
        }
        var finished = 0
        var done = 0.0
        for upload in uploads {
            if upload.progress.isFinal {
                finished += 1
                done += 1
            } else if case .uploading(let sent, let total) = upload.progress, total > 0 {
                done += min(1, Double(sent) / Double(total))
            }
        }
        progress = FilesProgress(count: uploads.count, finished: finished, fraction: done / Double(uploads.count))
    }
}
