@testable import Innomed
@testable import InnomedServices
import XCTest

@MainActor
final class CaseActionsViewModelTests: XCTestCase {
    private let caseID = CaseID("!case:cpts.test")
    private let cptsID = CptsID("!cpts:cpts.test")

    private func details(_ progress: CaseProgress, request: Bool, acceptedBy: UserID? = nil) -> CaseDetails {
        CaseDetails(progress: progress, specialty: "dermatology", urgency: .soon, due: nil,
                    cptsID: request ? cptsID : nil, acceptedBy: acceptedBy)
    }

    private func makeViewModel(me: UserID, details: CaseDetails, advice: ReceivedAdvice? = nil,
                               requests: FakeRequestService = FakeRequestService(),
                               cases: FakeCaseService = FakeCaseService(),
                               requester: UserID? = Fixtures.gp) -> CaseActionsViewModel {
        cases.onDetails = { _ in details }
        requests.onAdvice = { _ in advice }
        let viewModel = CaseActionsViewModel(session: Fixtures.session(account: me, cases: cases, requests: requests),
                                             caseID: caseID)
        viewModel.requester = requester
        return viewModel
    }

    func testTheSpecialistTakesAnOpenRequestButNotTheGP() async {
        let specialist = makeViewModel(me: Fixtures.dermatologist, details: details(.requested, request: true))
        await specialist.refresh()
        XCTAssertTrue(specialist.actions.contains(.take))

        let gp = makeViewModel(me: Fixtures.gp, details: details(.requested, request: true))
        await gp.refresh()
        XCTAssertFalse(gp.actions.contains(.take))
    }

    func testTakingCallsTheCoreAndRefreshes() async {
        let requests = FakeRequestService()
        let viewModel = makeViewModel(me: Fixtures.dermatologist, details: details(.requested, request: true),
                                      requests: requests)
        await viewModel.take()
        XCTAssertEqual(requests.taken, [caseID])
        XCTAssertNotNil(viewModel.details)
    }

    func testOnlyTheSpecialistWhoTookItAdvises() async {
        let taker = makeViewModel(me: Fixtures.dermatologist,
                                  details: details(.accepted, request: true, acceptedBy: Fixtures.dermatologist))
        await taker.refresh()
        XCTAssertTrue(taker.actions.contains(.advise))

        let gp = makeViewModel(me: Fixtures.gp,
                               details: details(.accepted, request: true, acceptedBy: Fixtures.dermatologist))
        await gp.refresh()
        XCTAssertFalse(gp.actions.contains(.advise))
    }

    func testTheGPClosesAnAnsweredRequestOnceTheAdviceIsThere() async {
        let advice = ReceivedAdvice(advice: AdviceCard(assessment: "Nævus", recommendation: "Surveillance",
                                                       visit: .routine),
                                    sender: Fixtures.dermatologist, date: Fixtures.now)
        let gp = makeViewModel(me: Fixtures.gp, details: details(.answered, request: true), advice: advice)
        await gp.refresh()
        XCTAssertTrue(gp.actions.contains(.closeWithReport))
        XCTAssertFalse(gp.actions.contains(.close), "a request closes with its report")
    }

    func testAdviceNotSentKeepsTheFormOpenWithTheError() async {
        let requests = FakeRequestService()
        requests.onSendAdvice = { _, _ in throw ServiceError.homeserverUnreachable }
        let viewModel = makeViewModel(me: Fixtures.dermatologist,
                                      details: details(.accepted, request: true, acceptedBy: Fixtures.dermatologist),
                                      requests: requests)
        let card = AdviceCard(assessment: "Nævus", recommendation: "Surveillance", visit: .routine)

        let failed = await viewModel.sendAdvice(card)
        XCTAssertFalse(failed)
        XCTAssertEqual(viewModel.error, .homeserverUnreachable)

        viewModel.error = nil
        requests.onSendAdvice = { _, _ in }
        let sent = await viewModel.sendAdvice(card)
        XCTAssertTrue(sent)
        XCTAssertNil(viewModel.error)
    }

    func testTheDoctorWhoOpenedAPlainCaseMarksItAnsweredOrClosesIt() async {
        let viewModel = makeViewModel(me: Fixtures.gp, details: details(.open, request: false))
        await viewModel.refresh()
        XCTAssertEqual(Set(viewModel.actions), [.invite, .markAnswered, .close])

        let answered = makeViewModel(me: Fixtures.gp, details: details(.answered, request: false))
        await answered.refresh()
        XCTAssertEqual(Set(answered.actions), [.invite, .close])
    }

    func testAColleagueInAPlainCaseNeitherMarksItAnsweredNorClosesIt() async {
        let colleague = makeViewModel(me: Fixtures.dermatologist, details: details(.open, request: false))
        await colleague.refresh()
        XCTAssertEqual(colleague.actions, [.invite], "only the doctor who opened the case changes its status")

        let answered = makeViewModel(me: Fixtures.dermatologist, details: details(.answered, request: false))
        await answered.refresh()
        XCTAssertEqual(answered.actions, [.invite])
    }

    func testNoStatusActionBeforeTheHeaderNamesWhoOpenedTheCase() async {
        let viewModel = makeViewModel(me: Fixtures.gp, details: details(.open, request: false), requester: nil)
        await viewModel.refresh()
        XCTAssertEqual(viewModel.actions, [.invite])
    }

    func testAStatusChangeTheCoreRefusesIsShown() async {
        let cases = FakeCaseService()
        cases.onSetProgress = { _, _ in throw ServiceError.notAllowed }
        let viewModel = makeViewModel(me: Fixtures.gp, details: details(.open, request: false), cases: cases)
        await viewModel.setProgress(.answered)
        XCTAssertEqual(viewModel.error, .notAllowed)
    }
}
