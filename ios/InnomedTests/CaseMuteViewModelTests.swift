@testable import Innomed
@testable import InnomedServices
import XCTest

/// Muting a case from its screen (`CaseActionsViewModel`): the state is the core's, read with
/// each refresh; a change goes through the core, which needs the homeserver.
@MainActor
final class CaseMuteViewModelTests: XCTestCase {
    private let caseID = CaseID("!case:cpts.test")

    /// A colleague in a case between colleagues: the menu has no action of the core's for them.
    private func makeViewModel(cases: FakeCaseService, muted: Bool) -> CaseActionsViewModel {
        var current = muted
        cases.onDetails = { _ in
            CaseStatusInfo(status: .open, specialty: "dermatology", urgency: .routine, due: nil,
                           cptsID: nil, acceptedBy: nil)
        }
        cases.onAllowed = { _ in CaseActions(role: .member, actions: [.write]) }
        cases.onBrief = { _ in nil }
        cases.onIsMuted = { _ in current }
        cases.onSetMuted = { muted, _ in current = muted }
        let viewModel = CaseActionsViewModel(session: Fixtures.session(account: Fixtures.dermatologist, cases: cases),
                                             caseID: caseID)
        viewModel.requester = Fixtures.gp
        return viewModel
    }

    func testMutingIsOfferedOnceTheCoreSaidWhichItIsEvenWithoutOtherActions() async {
        let viewModel = makeViewModel(cases: FakeCaseService(), muted: false)
        XCTAssertNil(viewModel.isMuted, "nothing offered before the core answers")

        await viewModel.refresh()

        XCTAssertEqual(viewModel.isMuted, false)
        XCTAssertEqual(viewModel.actions, [], "muting is not one of the core's actions on the case")
    }

    func testMutingThenUnmutingGoesThroughTheCoreAndShowsWhatItSays() async {
        let cases = FakeCaseService()
        let viewModel = makeViewModel(cases: cases, muted: false)
        await viewModel.refresh()

        await viewModel.setMuted(true)
        XCTAssertEqual(viewModel.isMuted, true)
        await viewModel.setMuted(false)
        XCTAssertEqual(viewModel.isMuted, false)

        XCTAssertEqual(cases.muteChanges.map { $0.0 }, [true, false])
        XCTAssertEqual(cases.muteChanges.map { $0.1 }, [caseID, caseID])
        XCTAssertNil(viewModel.error)
        XCTAssertFalse(viewModel.isWorking)
    }

    func testOfflineNothingChangesAndTheErrorSaysSo() async {
        let cases = FakeCaseService()
        let viewModel = makeViewModel(cases: cases, muted: false)
        cases.onSetMuted = { _, _ in throw ServiceError.homeserverUnreachable }
        await viewModel.refresh()

        await viewModel.setMuted(true)

        XCTAssertEqual(viewModel.isMuted, false, "still rings: the homeserver was not told")
        XCTAssertEqual(viewModel.error, .homeserverUnreachable)
        XCTAssertEqual(viewModel.error?.localizationKey, "error.homeserverUnreachable")
        XCTAssertTrue(cases.muteChanges.isEmpty)
        XCTAssertFalse(viewModel.isWorking)
    }

    func testAMuteChangedOnAnotherDeviceShowsAtTheNextRefresh() async {
        let cases = FakeCaseService()
        let viewModel = makeViewModel(cases: cases, muted: false)
        await viewModel.refresh()

        cases.onIsMuted = { _ in true }
        await viewModel.refresh()

        XCTAssertEqual(viewModel.isMuted, true)
    }

    func testAFailedReadKeepsTheLastAnswerWithoutAnError() async {
        let cases = FakeCaseService()
        let viewModel = makeViewModel(cases: cases, muted: true)
        await viewModel.refresh()

        cases.onIsMuted = { _ in throw ServiceError.caseNotFound }
        await viewModel.refresh()

        XCTAssertEqual(viewModel.isMuted, true)
        XCTAssertNil(viewModel.error)
    }
}
