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
        cases.onBrief = { _ in nil }
        cases.onAwaitingHandover = { _ in false }
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

    // MARK: A request before its hand-over

    private let brief = CaseBrief(requester: Fixtures.gp, specialty: "dermatology", urgency: .urgent, due: nil,
                                  ageGroup: .adult, sex: .male, question: "Exérèse ?")

    func testTheTakerWaitsForTheRequestingDoctorsDeviceThenAdvises() async {
        let cases = FakeCaseService()
        let viewModel = makeViewModel(me: Fixtures.dermatologist,
                                      details: details(.accepted, request: true, acceptedBy: Fixtures.dermatologist),
                                      cases: cases, requester: nil)
        let brief = self.brief
        cases.onBrief = { _ in brief }
        cases.onAwaitingHandover = { _ in true }
        await viewModel.refresh()
        XCTAssertEqual(viewModel.handoverWait, .awaitingRequester)
        XCTAssertTrue(viewModel.isWaitingForHandover)
        XCTAssertEqual(viewModel.brief, brief, "the brief shows while the header cannot be read")
        XCTAssertFalse(viewModel.actions.contains(.advise), "no advice before the hand-over")
        XCTAssertFalse(viewModel.actions.contains(.invite))

        cases.onAwaitingHandover = { _ in false }
        await viewModel.refresh()
        XCTAssertNil(viewModel.handoverWait)
        XCTAssertFalse(viewModel.isWaitingForHandover)
        XCTAssertTrue(viewModel.actions.contains(.advise))

        let checks = cases.handoverChecks
        await viewModel.refresh()
        XCTAssertEqual(cases.handoverChecks, checks, "once handed over, a request never waits again")
    }

    func testTheGPWaitsForASpecialistThenHisDeviceHandsTheCaseOver() async {
        let cases = FakeCaseService()
        var current = details(.requested, request: true)
        let viewModel = makeViewModel(me: Fixtures.gp, details: current, cases: cases)
        cases.onDetails = { _ in current }
        cases.onAwaitingHandover = { _ in true }
        await viewModel.refresh()
        XCTAssertEqual(viewModel.handoverWait, .notTaken)
        XCTAssertTrue(viewModel.isWaitingForHandover)

        current = details(.accepted, request: true, acceptedBy: Fixtures.dermatologist)
        await viewModel.refresh()
        XCTAssertEqual(viewModel.handoverWait, .handingOver)
    }

    func testAFailedHandOverCheckKeepsTheLastAnswerWithoutAnError() async {
        let cases = FakeCaseService()
        let viewModel = makeViewModel(me: Fixtures.dermatologist,
                                      details: details(.accepted, request: true, acceptedBy: Fixtures.dermatologist),
                                      cases: cases)
        cases.onAwaitingHandover = { _ in true }
        await viewModel.refresh()
        cases.onAwaitingHandover = { _ in throw ServiceError.homeserverUnreachable }
        await viewModel.refresh()
        XCTAssertEqual(viewModel.handoverWait, .awaitingRequester)
        XCTAssertNil(viewModel.error)
    }

    func testAnAnsweredRequestIsNeverAskedAboutTheHandOver() async {
        let cases = FakeCaseService()
        let viewModel = makeViewModel(me: Fixtures.dermatologist,
                                      details: details(.answered, request: true, acceptedBy: Fixtures.dermatologist),
                                      cases: cases)
        await viewModel.refresh()
        XCTAssertEqual(cases.handoverChecks, 0)
        XCTAssertFalse(viewModel.isWaitingForHandover)
    }
}
