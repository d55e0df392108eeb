@testable import Innomed
@testable import InnomedServices
import XCTest

@MainActor
final class TrustViewModelTests: XCTestCase {
    func testTheRecoveryKeyIsShownOnceAndForgottenAfterConfirmation() async {
        let trust = FakeTrustService()
        trust.onEnableRecovery = { "EsTc 1234 abcd" }
        let viewModel = RecoveryViewModel(trust: trust, state: .disabled)
        XCTAssertEqual(viewModel.mode, .create)

        await viewModel.create()
        XCTAssertEqual(viewModel.recoveryKey, "EsTc 1234 abcd")

        viewModel.finish()
        XCTAssertNotNil(viewModel.recoveryKey, "not before the doctor says it is written down")
        viewModel.savedConfirmed = true
        viewModel.finish()
        XCTAssertNil(viewModel.recoveryKey)
        XCTAssertTrue(viewModel.isDone)
    }

    func testAWrongRecoveryKeyIsReportedAndNothingIsDone() async {
        let trust = FakeTrustService()
        trust.onRecover = { _ in throw ServiceError.wrongRecoveryKey }
        let viewModel = RecoveryViewModel(trust: trust, state: .incomplete)
        XCTAssertEqual(viewModel.mode, .enter)
        viewModel.enteredKey = "not the key"

        await viewModel.recover()

        XCTAssertEqual(viewModel.error, .wrongRecoveryKey)
        XCTAssertFalse(viewModel.isDone)
    }

    func testEmojiVerificationFollowsTheStepsToDone() async {
        let emojis = [SasEmoji(index: 0, symbol: "🐶", name: "Dog"), SasEmoji(index: 47, symbol: "🔑", name: "Key")]
        let session = FakeVerification(steps: [.requested, .ready, .emojis(emojis), .done])
        let trust = FakeTrustService()
        trust.verification = session
        let viewModel = VerificationViewModel(trust: trust,
                                              mode: .outgoing(user: Fixtures.dermatologist, device: "PHONE2"))

        await viewModel.run()

        XCTAssertEqual(viewModel.otherUser, Fixtures.dermatologist)
        XCTAssertEqual(viewModel.step, .done)
    }
}
