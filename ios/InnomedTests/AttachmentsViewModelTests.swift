@testable import Innomed
@testable import InnomedServices
import XCTest

/// Photos and documents sent together: each prepared by the core as soon as picked, listed with
/// what the core said of it, then the accepted ones sent in the doctor's order.
@MainActor
final class AttachmentsViewModelTests: XCTestCase {
    private let letter = PreparedFile(kind: .document(pages: 3), size: 245_000, thumbnail: Data([0xFF, 0xD8]),
                                      caption: "Document")
    private let photo = PreparedFile(kind: .photo(width: 1536, height: 2048), size: 412_000,
                                     thumbnail: Data([0xFF, 0xD8]), caption: nil)
    private let report = PreparedFile(kind: .document(pages: 1), size: 98_000, thumbnail: nil, caption: "Document")

    /// Where the pickers' copies wait (a new folder for each test).
    private let store = PrivatePhotoStore(directory: Fixtures.temporaryDirectory())

    private func makeViewModel(_ conversation: FakeConversationService) -> AttachmentsViewModel {
        let viewModel = AttachmentsViewModel(store: store)
        viewModel.use(conversation)
        return viewModel
    }

    /// Every file sent is queued (no upload followed).
    private func queuesEveryFile(_ conversation: FakeConversationService) {
        conversation.onSendFiles = { files in
            FilesSending(transactionIDs: files.indices.map { "t\($0)" }, progress: AsyncStream { $0.finish() })
        }
    }

    /// The prepared file as the fake service gives it back with what was typed.
    private func file(_ file: PreparedFile, captioned caption: String) -> PreparedFile {
        PreparedFile(id: file.id, kind: file.kind, size: file.size, thumbnail: file.thumbnail, caption: caption)
    }

    /// A file as a picker hands it over, named as on the doctor's phone: copied into the app's
    /// private storage when read.
    private func picked() -> PickedFile {
        let store = store
        return PickedFile {
            let folder = Fixtures.temporaryDirectory()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let source = folder.appendingPathComponent("Bilan DUPONT.pdf")
            try Data("%PDF-1.7".utf8).write(to: source)
            return try store.keep(copyOf: source)
        }
    }

    func testEachFileIsPreparedInTheOrderPickedAndItsCopyDeletedOnceRead() async {
        let conversation = FakeConversationService()
        var answers: [Result<PreparedFile, ServiceError>] = [
            .success(letter), .failure(.encryptedDocument), .success(photo),
        ]
        conversation.onPrepare = { _ in try answers.removeFirst().get() }
        let viewModel = makeViewModel(conversation)

        await viewModel.attach([picked(), picked(), picked()])

        XCTAssertEqual(viewModel.items.map(\.state), [.ready(letter), .refused(.encryptedDocument), .ready(photo)])
        XCTAssertEqual(conversation.preparedFileExisted, [true, true, true], "the core read a private copy")
        for url in conversation.preparedURLs {
            XCTAssertFalse(FileManager.default.fileExists(atPath: url.path), "deleted once the core read it")
            XCTAssertFalse(url.lastPathComponent.contains("DUPONT"), "the copy never carries the file's name")
        }
        XCTAssertEqual(viewModel.ready, [letter, photo])
        XCTAssertTrue(viewModel.canSend)
    }

    func testEachRefusalKeepsTheCoresReason() async {
        let refusals: [ServiceError] = [
            .encryptedDocument, .tooManyPages(pages: 612, limit: 500), .tooManyObjects,
            .unsupportedFormat, .corruptPhoto, .photoTooLarge(size: 52_000_000, limit: 40_000_000),
        ]
        let conversation = FakeConversationService()
        var answers = refusals
        conversation.onPrepare = { _ in throw answers.removeFirst() }
        let viewModel = makeViewModel(conversation)

        await viewModel.attach(refusals.map { _ in picked() })

        XCTAssertEqual(viewModel.items.map(\.state), refusals.map { Attachment.State.refused($0) })
        XCTAssertFalse(viewModel.canSend, "nothing accepted, nothing to send")
        let sent = await viewModel.send()
        XCTAssertFalse(sent)
        XCTAssertTrue(conversation.sentBatches.isEmpty)
    }

    func testAFileThatCannotBeReadIsRefusedWithoutReachingTheCore() async {
        let conversation = FakeConversationService()
        let viewModel = makeViewModel(conversation)

        await viewModel.attach([PickedFile { throw CocoaError(.fileReadUnknown) }])

        XCTAssertEqual(viewModel.items.map(\.state), [.refused(.unreadableFile)])
        XCTAssertTrue(conversation.preparedURLs.isEmpty)
    }

    func testFilesAreListedAtOnceAndOneRemovedWhilePreparedStaysRemoved() async {
        let conversation = FakeConversationService()
        let viewModel = makeViewModel(conversation)
        var seen: [[Attachment.State]] = []
        conversation.onPrepare = { [unowned viewModel] _ in
            seen.append(viewModel.items.map(\.state))
            if seen.count == 1, let first = viewModel.items.first { viewModel.remove(first.id) }
            return self.photo
        }

        await viewModel.attach([picked(), picked()])

        XCTAssertEqual(seen.first, [.preparing, .preparing], "both listed before the first is prepared")
        XCTAssertEqual(viewModel.items.map(\.state), [.ready(photo)])
    }

    func testSendQueuesTheAcceptedFilesInOrderAndFollowsTheirUploads() async {
        let conversation = FakeConversationService()
        var answers: [Result<PreparedFile, ServiceError>] = [
            .success(letter), .failure(.tooManyObjects), .success(photo),
        ]
        conversation.onPrepare = { _ in try answers.removeFirst().get() }
        let (stream, continuation) = AsyncStream<FileUpload>.pipe()
        conversation.onSendFiles = { _ in FilesSending(transactionIDs: ["t1", "t2"], progress: stream) }
        let viewModel = makeViewModel(conversation)
        await viewModel.attach([picked(), picked(), picked()])

        let sent = await viewModel.send()

        XCTAssertTrue(sent)
        XCTAssertEqual(conversation.sentBatches, [[letter, photo]], "the accepted ones, in the order picked")
        XCTAssertTrue(viewModel.items.isEmpty)
        XCTAssertEqual(viewModel.progress, FilesProgress(count: 2, finished: 0, fraction: 0))

        continuation.yield(FileUpload(transactionID: "t1", progress: .uploading(sent: 50, total: 100)))
        await waitUntil { viewModel.progress?.fraction == 0.25 }
        XCTAssertEqual(viewModel.progress, FilesProgress(count: 2, finished: 0, fraction: 0.25))

        continuation.yield(FileUpload(transactionID: "t1", progress: .sent(EventID("$doc"))))
        continuation.yield(FileUpload(transactionID: "t2", progress: .failed(recoverable: true)))
        await waitUntil { viewModel.progress?.finished == 1 }
        XCTAssertEqual(viewModel.progress, FilesProgress(count: 2, finished: 1, fraction: 0.5),
                       "a file waiting for the network is not finished")

        continuation.yield(FileUpload(transactionID: "t2", progress: .sent(EventID("$photo"))))
        continuation.finish()
        await waitUntil { viewModel.progress == nil }
        XCTAssertNil(viewModel.progress, "all sent: the composer's bar goes")
    }

    func testATitleOrCaptionGoesWithItsOwnFileInTheOrderPicked() async {
        let conversation = FakeConversationService()
        var answers = [letter, photo, report]
        conversation.onPrepare = { _ in answers.removeFirst() }
        queuesEveryFile(conversation)
        let viewModel = makeViewModel(conversation)
        await viewModel.attach([picked(), picked(), picked()])
        let ids = viewModel.items.map(\.id)

        viewModel.setCaption("Bilan du 3 mars", for: ids[2])
        viewModel.setCaption("Lésion du dos, 3 cm", for: ids[1])
        let sent = await viewModel.send()

        XCTAssertTrue(sent)
        XCTAssertEqual(conversation.sentBatches, [[
            letter, file(photo, captioned: "Lésion du dos, 3 cm"), file(report, captioned: "Bilan du 3 mars"),
        ]], "each typed text on its own file, in the order picked")
        XCTAssertEqual(conversation.captionsApplied, [
            CaptionApplied(file: photo.id, caption: "Lésion du dos, 3 cm"),
            CaptionApplied(file: report.id, caption: "Bilan du 3 mars"),
        ], "applied through the service, the untouched file left as prepared")
    }

    func testABlankTitleLeavesTheCoresDefault() async {
        let conversation = FakeConversationService()
        conversation.onPrepare = { _ in self.letter }
        queuesEveryFile(conversation)
        let viewModel = makeViewModel(conversation)
        await viewModel.attach([picked()])

        viewModel.setCaption("  \n ", for: viewModel.items[0].id)
        let sent = await viewModel.send()

        XCTAssertTrue(sent)
        XCTAssertEqual(conversation.sentBatches, [[letter]], "sent as prepared, titled \"Document\"")
        XCTAssertEqual(conversation.sentBatches.first?.first?.caption, "Document")
        XCTAssertTrue(conversation.captionsApplied.isEmpty)
    }

    func testARemovedFilesTitleIsNotSent() async {
        let conversation = FakeConversationService()
        var answers = [letter, report]
        conversation.onPrepare = { _ in answers.removeFirst() }
        queuesEveryFile(conversation)
        let viewModel = makeViewModel(conversation)
        await viewModel.attach([picked(), picked()])

        viewModel.setCaption("Courrier du Dr Martin", for: viewModel.items[0].id)
        viewModel.remove(viewModel.items[0].id)
        let sent = await viewModel.send()

        XCTAssertTrue(sent)
        XCTAssertEqual(conversation.sentBatches, [[report]], "the next file keeps its own (default) title")
        XCTAssertTrue(conversation.captionsApplied.isEmpty)
    }

    func testASendRefusedKeepsTheFilesAndSaysWhy() async {
        let conversation = FakeConversationService()
        conversation.onPrepare = { _ in self.letter }
        conversation.onSendFiles = { _ in throw ServiceError.noConsent }
        let viewModel = makeViewModel(conversation)
        await viewModel.attach([picked()])
        viewModel.setCaption("Bilan du 3 mars", for: viewModel.items[0].id)

        let sent = await viewModel.send()

        XCTAssertFalse(sent)
        XCTAssertEqual(viewModel.error, .noConsent)
        XCTAssertEqual(viewModel.items.map(\.state), [.ready(letter)])
        XCTAssertEqual(viewModel.items.map(\.caption), ["Bilan du 3 mars"], "what was typed is kept")
        XCTAssertFalse(viewModel.isSending)
    }

    func testGivingUpDropsEveryFile() async {
        let conversation = FakeConversationService()
        conversation.onPrepare = { _ in self.letter }
        let viewModel = makeViewModel(conversation)
        await viewModel.attach([picked(), picked()])

        viewModel.discardAll()

        XCTAssertTrue(viewModel.items.isEmpty)
        XCTAssertFalse(viewModel.canSend)
    }

    func testNothingIsPreparedBeforeTheConversationIsOpen() async {
        let viewModel = AttachmentsViewModel(store: store)

        await viewModel.attach([picked()])

        XCTAssertFalse(viewModel.isAvailable)
        XCTAssertEqual(viewModel.items.map(\.state), [.refused(.internalFailure)])
        XCTAssertFalse(viewModel.canSend)
    }

    /// Lets the view model's own tasks run, a bounded number of times.
    private func waitUntil(_ condition: () -> Bool) async {
        for _ in 0..<50 where !condition() { await Task.yield() }
    }
}
