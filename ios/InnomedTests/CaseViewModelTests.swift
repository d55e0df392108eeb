@testable import Innomed
@testable import InnomedServices
import XCTest

@MainActor
final class CaseViewModelTests: XCTestCase {
    private let caseID = CaseID("!case:cpts.test")
    private let header = PatientHeader(patientLabel: "M.D.", ageGroup: .adult, sex: .female,
                                       reason: "Lésion", question: "Exérèse ?", photoConsent: true)

    private func makeViewModel(_ conversation: FakeConversationService) -> CaseViewModel {
        let cases = FakeCaseService()
        cases.conversations[caseID] = conversation
        return CaseViewModel(cases: cases, caseID: caseID,
                             photos: PrivatePhotoStore(directory: Fixtures.temporaryDirectory()))
    }

    func testLoadShowsTheRowsNamesTheRequesterAndMarksRead() async {
        let conversation = FakeConversationService()
        conversation.entryUpdates = [
            [Fixtures.message("$h", from: Fixtures.gp, body: .header(header))],
            [Fixtures.message("$h", from: Fixtures.gp, body: .header(header)),
             Fixtures.message("$a", body: .text("Bonjour"))],
        ]
        let viewModel = makeViewModel(conversation)

        await viewModel.load()

        XCTAssertEqual(viewModel.code, "IM-TEST01")
        XCTAssertEqual(viewModel.entries.map(\.id), ["$h", "$a"])
        XCTAssertEqual(viewModel.requester, Fixtures.gp)
        for _ in 0..<10 where conversation.markReadCount < 2 { await Task.yield() }
        XCTAssertEqual(conversation.markReadCount, 2)
    }

    func testSendingClearsTheComposerAndARepliesGoesToItsMessage() async throws {
        let conversation = FakeConversationService()
        let question = Fixtures.message("$q", body: .text("Photo ?"))
        conversation.entryUpdates = [[question]]
        let viewModel = makeViewModel(conversation)
        await viewModel.load()

        viewModel.composer = "  Bonjour  "
        await viewModel.send()
        XCTAssertEqual(conversation.sentTexts, ["Bonjour"])
        XCTAssertEqual(viewModel.composer, "")

        guard case .message(let message) = question.content else { return XCTFail("a message row") }
        viewModel.reply(to: message)
        viewModel.composer = "Oui"
        await viewModel.send()
        XCTAssertEqual(conversation.replies.first?.0, EventID("$q"))
        XCTAssertEqual(conversation.replies.first?.1, "Oui")
        XCTAssertNil(viewModel.replyingTo)
    }

    func testAFailedSendKeepsTheTextAndReportsWhy() async {
        let conversation = FakeConversationService()
        conversation.onSend = { _ in throw ServiceError.notEncrypted }
        let viewModel = makeViewModel(conversation)
        await viewModel.load()

        viewModel.composer = "Bonjour"
        await viewModel.send()

        XCTAssertEqual(viewModel.composer, "Bonjour")
        XCTAssertEqual(viewModel.error, .notEncrypted)
    }
}
