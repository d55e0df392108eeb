@testable import Innomed
@testable import InnomedServices
import XCTest

/// Documents in a case's conversation: shown as the core read them, opened by saving them in the
/// account's own folder, the copy deleted when the preview closes.
@MainActor
final class CaseDocumentViewModelTests: XCTestCase {
    private let caseID = CaseID("!case:cpts.test")
    private let results = DocumentMessage(title: "Bilan sanguin", pages: 3, size: 245_000, hasThumbnail: true,
                                          isPdf: true)

    private func makeViewModel(_ conversation: FakeConversationService) -> CaseViewModel {
        let cases = FakeCaseService()
        cases.onUnvouched = { _ in [] }
        cases.onMembers = { _ in [] }
        cases.conversations[caseID] = conversation
        return CaseViewModel(cases: cases, caseID: caseID,
                             photos: PrivatePhotoStore(directory: Fixtures.temporaryDirectory()))
    }

    private func document(_ id: String, _ info: DocumentMessage) -> (ConversationEntry, CaseMessage) {
        let entry = Fixtures.message(id, body: .document(info))
        guard case .message(let message) = entry.content else { preconditionFailure("a message row") }
        return (entry, message)
    }

    func testADocumentShowsWhatTheCoreSaidOfItWithItsSendersShield() async {
        let (entry, _) = document("$doc", results)
        let conversation = FakeConversationService()
        conversation.entryUpdates = [[entry]]
        let viewModel = makeViewModel(conversation)

        await viewModel.load()

        guard case .message(let shown) = viewModel.entries.first?.content else { return XCTFail("a message row") }
        XCTAssertEqual(shown.body, .document(results))
        for level in TrustLevel.allCases {
            XCTAssertEqual(CaseMessage(handle: shown.handle, sender: shown.sender, isOwn: false, date: shown.date,
                                       body: shown.body, inReplyTo: nil, edited: false, sharedBy: nil,
                                       delivery: .sent, readBy: [], trust: level).shield, level)
        }
    }

    func testOpeningAPdfSavesItThenShowsItAndClosingDeletesTheCopy() async {
        let (entry, message) = document("$doc", results)
        let saved = URL(fileURLWithPath: "/private/account/documents/case/doc.pdf")
        let conversation = FakeConversationService()
        conversation.entryUpdates = [[entry]]
        conversation.onSaveDocument = { _ in saved }
        let viewModel = makeViewModel(conversation)
        await viewModel.load()

        await viewModel.open(message)

        XCTAssertEqual(conversation.savedDocuments, [.event(EventID("$doc"))])
        XCTAssertEqual(viewModel.preview, DocumentPreview(url: saved, title: "Bilan sanguin"))
        XCTAssertNil(viewModel.openingDocument)
        XCTAssertTrue(conversation.discardedDocuments.isEmpty, "kept while shown")

        viewModel.closePreview()

        XCTAssertNil(viewModel.preview)
        XCTAssertEqual(conversation.discardedDocuments, [saved])
    }

    func testAFileThatIsNotAPdfIsNeverOpened() async {
        let other = DocumentMessage(title: "scan.tiff", pages: nil, size: 80_000, hasThumbnail: false, isPdf: false)
        let (entry, message) = document("$tiff", other)
        let conversation = FakeConversationService()
        conversation.entryUpdates = [[entry]]
        let viewModel = makeViewModel(conversation)
        await viewModel.load()

        await viewModel.open(message)

        XCTAssertTrue(conversation.savedDocuments.isEmpty)
        XCTAssertNil(viewModel.preview)
        XCTAssertNil(viewModel.error)
    }

    func testADocumentTheCoreRefusesToOpenSaysWhyAndShowsNothing() async {
        let refusals: [ServiceError] = [
            .tampered, .mediaMissing, .encryptedDocument, .tooManyPages(pages: 900, limit: 500), .homeserverUnreachable,
        ]
        for refusal in refusals {
            let (entry, message) = document("$doc", results)
            let conversation = FakeConversationService()
            conversation.entryUpdates = [[entry]]
            conversation.onSaveDocument = { _ in throw refusal }
            let viewModel = makeViewModel(conversation)
            await viewModel.load()

            await viewModel.open(message)

            XCTAssertEqual(viewModel.error, refusal)
            XCTAssertNil(viewModel.preview, "\(refusal)")
            XCTAssertNil(viewModel.openingDocument)
        }
    }

    func testTheAttachmentsAreReadyOnceTheConversationIsOpen() async {
        let conversation = FakeConversationService()
        let viewModel = makeViewModel(conversation)
        XCTAssertFalse(viewModel.attachments.isAvailable)

        await viewModel.load()

        XCTAssertTrue(viewModel.attachments.isAvailable)
    }
}
