@testable import Innomed
@testable import InnomedServices
import XCTest

/// The specialist who took a request calls back the GP on the number the GP gave: offered only to
/// the taker, only with a number from the core; a tap asks to open `tel:` and the number, then
/// records the call in the case, once.
@MainActor
final class CallBackViewModelTests: XCTestCase {
    private let caseID = CaseID("!case:cpts.test")
    private let number = CallBack(phone: "+33612345678", display: "06 12 34 56 78")
    private let telURL = URL(string: "tel:+33612345678")!

    private func makeViewModel(_ requests: FakeRequestService) -> CallBackViewModel {
        CallBackViewModel(requests: requests, caseID: caseID)
    }

    /// A view model showing the number, as the taker's screen does.
    private func offering(_ requests: FakeRequestService) async -> CallBackViewModel {
        let number = self.number
        requests.onCallBack = { _ in number }
        let viewModel = makeViewModel(requests)
        await viewModel.refresh(role: .taker)
        return viewModel
    }

    func testTheTakerIsOfferedTheNumberTheGPGave() async {
        let requests = FakeRequestService()
        let caseID = self.caseID
        let number = self.number
        requests.onCallBack = { id in
            XCTAssertEqual(id, caseID)
            return number
        }
        let viewModel = makeViewModel(requests)

        await viewModel.refresh(role: .taker)

        XCTAssertEqual(viewModel.number, number)
        XCTAssertEqual(viewModel.number?.display, "06 12 34 56 78", "the core's formatting, shown as it is")
        XCTAssertEqual(requests.callBackReads, 1)
    }

    func testWithoutANumberNothingIsOffered() async {
        let requests = FakeRequestService()
        requests.onCallBack = { _ in nil }
        let viewModel = makeViewModel(requests)

        await viewModel.refresh(role: .taker)

        XCTAssertNil(viewModel.number, "the GP asked for no call back")
    }

    func testOnlyTheTakerIsOfferedItAndNothingIsAskedForAnyoneElse() async {
        // `callBack` is not stubbed: asking the core would fail the test.
        let requests = FakeRequestService()
        let viewModel = makeViewModel(requests)

        for role in [CaseRole.requester, .member, .invited, .outside] {
            await viewModel.refresh(role: role)
            XCTAssertNil(viewModel.number, "\(role)")
        }
        await viewModel.refresh(role: nil)

        XCTAssertNil(viewModel.number, "the core's decision not read yet")
        XCTAssertEqual(requests.callBackReads, 0)
    }

    func testTheNumberIsReadUntilTheCoreGivesOneThenKept() async {
        let requests = FakeRequestService()
        var handedOver = false
        let number = self.number
        requests.onCallBack = { _ in handedOver ? number : nil }
        let viewModel = makeViewModel(requests)

        await viewModel.refresh(role: .taker)
        XCTAssertNil(viewModel.number, "before the hand-over the taker cannot read it yet")
        handedOver = true
        await viewModel.refresh(role: .taker)
        XCTAssertEqual(viewModel.number, number)
        await viewModel.refresh(role: .taker)

        XCTAssertEqual(viewModel.number, number)
        XCTAssertEqual(requests.callBackReads, 2, "once given, the number is not asked again")
    }

    func testAFailedReadShowsNothingWithoutAnError() async {
        let requests = FakeRequestService()
        requests.onCallBack = { _ in throw ServiceError.server }
        let viewModel = makeViewModel(requests)

        await viewModel.refresh(role: .taker)

        XCTAssertNil(viewModel.number)
        XCTAssertNil(viewModel.error, "tried again at the next refresh")
    }

    func testNoLongerTheTakerHidesTheButton() async {
        let requests = FakeRequestService()
        let viewModel = await offering(requests)
        XCTAssertEqual(viewModel.number, number)

        await viewModel.refresh(role: .outside)

        XCTAssertNil(viewModel.number)
    }

    func testATapAsksToOpenTheTelURLAndRecordsTheCallOnce() async {
        let requests = FakeRequestService()
        requests.onRecordCall = { _ in }
        let viewModel = await offering(requests)
        var opened: [URL] = []

        await viewModel.call { url in
            opened.append(url)
            return true
        }

        XCTAssertEqual(opened, [telURL], "tel: and the number in international format")
        XCTAssertEqual(requests.recordedCalls, [caseID], "recorded in this case, once")
        XCTAssertNil(viewModel.error)
        XCTAssertFalse(viewModel.isCalling)
        XCTAssertFalse(viewModel.couldNotDial)
    }

    func testATapWhileACallIsUnderWayDoesNothing() async {
        let requests = FakeRequestService()
        requests.onRecordCall = { _ in }
        let viewModel = await offering(requests)
        var opened: [URL] = []

        await viewModel.call { url in
            opened.append(url)
            XCTAssertTrue(viewModel.isCalling)
            // A second tap while the phone app is asked: neither opened nor recorded again.
            await viewModel.call { again in
                opened.append(again)
                return true
            }
            return true
        }

        XCTAssertEqual(opened.count, 1)
        XCTAssertEqual(requests.recordedCalls, [caseID])
    }

    func testACallTheSystemCouldNotStartIsNotRecorded() async {
        // `recordCall` is not stubbed: recording would fail the test.
        let requests = FakeRequestService()
        let viewModel = await offering(requests)

        await viewModel.call { _ in false }

        XCTAssertTrue(requests.recordedCalls.isEmpty)
        XCTAssertTrue(viewModel.couldNotDial)
        XCTAssertNil(viewModel.error)

        requests.onRecordCall = { _ in }
        await viewModel.call { _ in true }
        XCTAssertFalse(viewModel.couldNotDial, "a new tap clears it")
        XCTAssertEqual(requests.recordedCalls, [caseID])
    }

    func testARecordingErrorIsShownAfterTheCallWasStarted() async {
        let requests = FakeRequestService()
        requests.onRecordCall = { _ in throw ServiceError.homeserverUnreachable }
        let viewModel = await offering(requests)
        var opened = 0

        await viewModel.call { _ in
            opened += 1
            return true
        }

        XCTAssertEqual(opened, 1, "the call is not held up by the record")
        XCTAssertEqual(viewModel.error, .homeserverUnreachable)
        XCTAssertEqual(requests.recordedCalls, [caseID])
        XCTAssertFalse(viewModel.isCalling)
    }

    func testWithoutANumberATapDoesNothing() async {
        let requests = FakeRequestService()
        let viewModel = makeViewModel(requests)
        var opened = 0

        await viewModel.call { _ in
            opened += 1
            return true
        }

        XCTAssertEqual(opened, 0)
        XCTAssertTrue(requests.recordedCalls.isEmpty)
    }

    func testTheNumberDialsInInternationalFormat() {
        XCTAssertEqual(number.dialURL, telURL)
        XCTAssertEqual(number.dialURL?.scheme, "tel")
    }
}
