@testable import Innomed
@testable import InnomedServices
import XCTest

/// The case's actions show what the core decides (role, actions, hand-over wait, deadline:
/// scripted in the fake as the core would answer) and run only through the core.
@MainActor
final class CaseActionsViewModelTests: XCTestCase {
    private let caseID = CaseID("!case:cpts.test")
    private let cptsID = CptsID("!cpts:cpts.test")

    private func details(_ status: CaseStatus, request: Bool, acceptedBy: UserID? = nil) -> CaseStatusInfo {
        CaseStatusInfo(status: status, specialty: "dermatology", urgency: .soon, due: nil,
                       cptsID: request ? cptsID : nil, acceptedBy: acceptedBy)
    }

    private func makeViewModel(me: UserID, details: CaseStatusInfo, core: CaseActions,
                               advice: GivenAdvice? = nil,
                               requests: FakeRequestService = FakeRequestService(),
                               cases: FakeCaseService = FakeCaseService(),
                               requester: UserID? = Fixtures.gp) -> CaseActionsViewModel {
        cases.onDetails = { _ in details }
        cases.onBrief = { _ in nil }
        cases.onAllowed = { _ in core }
        cases.onIsMuted = { _ in false }
        requests.onAdvice = { _ in advice }
        let viewModel = CaseActionsViewModel(session: Fixtures.session(account: me, cases: cases, requests: requests),
                                             caseID: caseID)
        viewModel.requester = requester
        return viewModel
    }

    func testTheSpecialistTakesAnOpenRequestButNotTheGP() async {
        let specialist = makeViewModel(me: Fixtures.dermatologist, details: details(.requested, request: true),
                                       core: CaseActions(role: .member, actions: [.take], handover: .notTaken))
        await specialist.refresh()
        XCTAssertEqual(specialist.actions, [.take])

        let gp = makeViewModel(me: Fixtures.gp, details: details(.requested, request: true),
                               core: CaseActions(role: .requester, actions: [], handover: .notTaken))
        await gp.refresh()
        XCTAssertFalse(gp.actions.contains(.take))
        XCTAssertEqual(gp.allowed?.role, .requester)
    }

    func testTakingCallsTheCoreAndRefreshes() async {
        let requests = FakeRequestService()
        let cases = FakeCaseService()
        let viewModel = makeViewModel(me: Fixtures.dermatologist, details: details(.requested, request: true),
                                      core: CaseActions(role: .member, actions: [.take]), requests: requests,
                                      cases: cases)
        await viewModel.take()
        XCTAssertEqual(requests.taken, [caseID])
        XCTAssertNotNil(viewModel.details)
        XCTAssertEqual(cases.allowedReads, 1, "the core is asked again after the action")
    }

    func testOnlyTheSpecialistWhoTookItAdvises() async {
        let taken = details(.accepted, request: true, acceptedBy: Fixtures.dermatologist)
        let taker = makeViewModel(me: Fixtures.dermatologist, details: taken,
                                  core: CaseActions(role: .taker, actions: [.write, .advise]))
        await taker.refresh()
        XCTAssertEqual(taker.actions, [.advise])
        XCTAssertTrue(taker.canWrite)

        let gp = makeViewModel(me: Fixtures.gp, details: taken, core: CaseActions(role: .requester, actions: [.write]))
        await gp.refresh()
        XCTAssertFalse(gp.actions.contains(.advise))
    }

    func testTheGPClosesAnAnsweredRequestWithItsReport() async {
        let advice = GivenAdvice(advice: Advice(assessment: "Nævus", recommendation: "Surveillance",
                                                inPerson: .routine),
                                 sender: Fixtures.dermatologist, date: Fixtures.now)
        let gp = makeViewModel(me: Fixtures.gp, details: details(.answered, request: true),
                               core: CaseActions(role: .requester, actions: [.write, .closeWithReport]), advice: advice)
        await gp.refresh()
        XCTAssertEqual(gp.actions, [.closeWithReport])
        XCTAssertFalse(gp.actions.contains(.close), "a request closes with its report")
        XCTAssertEqual(gp.advice, advice)
    }

    func testAdviceNotSentKeepsTheFormOpenWithTheError() async {
        let requests = FakeRequestService()
        requests.onSendAdvice = { _, _ in throw ServiceError.homeserverUnreachable }
        let viewModel = makeViewModel(me: Fixtures.dermatologist,
                                      details: details(.accepted, request: true, acceptedBy: Fixtures.dermatologist),
                                      core: CaseActions(role: .taker, actions: [.write, .advise]), requests: requests)
        let card = Advice(assessment: "Nævus", recommendation: "Surveillance", inPerson: .routine)

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
        let viewModel = makeViewModel(me: Fixtures.gp, details: details(.open, request: false),
                                      core: CaseActions(role: .requester,
                                                        actions: [.write, .markAnswered, .close, .invite, .remove]))
        await viewModel.refresh()
        XCTAssertEqual(viewModel.actions, [.markAnswered, .close, .invite], "the menu's actions, in the core's order")

        let answered = makeViewModel(me: Fixtures.gp, details: details(.answered, request: false),
                                     core: CaseActions(role: .requester, actions: [.write, .close, .invite, .remove]))
        await answered.refresh()
        XCTAssertEqual(answered.actions, [.close, .invite])
    }

    func testAColleagueInAPlainCaseNeitherMarksItAnsweredNorClosesIt() async {
        let colleague = makeViewModel(me: Fixtures.dermatologist, details: details(.open, request: false),
                                      core: CaseActions(role: .member, actions: [.write]))
        await colleague.refresh()
        XCTAssertEqual(colleague.actions, [], "only the doctor who opened the case changes its status")
        XCTAssertTrue(colleague.canWrite)
    }

    func testNothingIsAllowedBeforeTheCoreAnswers() async {
        let viewModel = makeViewModel(me: Fixtures.gp, details: details(.open, request: false),
                                      core: CaseActions(role: .requester, actions: [.write, .close]))
        XCTAssertEqual(viewModel.actions, [])
        XCTAssertFalse(viewModel.canWrite)
        await viewModel.refresh()
        XCTAssertEqual(viewModel.actions, [.close])
    }

    func testAStatusChangeTheCoreRefusesIsShown() async {
        let cases = FakeCaseService()
        cases.onSetStatus = { _, _ in throw ServiceError.notAllowed }
        let viewModel = makeViewModel(me: Fixtures.gp, details: details(.open, request: false),
                                      core: CaseActions(role: .requester, actions: [.write, .markAnswered]), cases: cases)
        await viewModel.setStatus(.answered)
        XCTAssertEqual(viewModel.error, .notAllowed)
    }

    func testTheDeadlineIsTheCoresDueSoonIncluded() async {
        let due = Fixtures.now.addingTimeInterval(3600)
        let viewModel = makeViewModel(me: Fixtures.gp, details: details(.requested, request: true),
                                      core: CaseActions(role: .requester, actions: [], handover: .notTaken,
                                                        deadline: Deadline(state: .dueSoon, due: due)))
        await viewModel.refresh()
        XCTAssertEqual(viewModel.deadline, Deadline(state: .dueSoon, due: due))

        let colleagues = makeViewModel(me: Fixtures.gp, details: details(.open, request: false),
                                       core: CaseActions(role: .requester, actions: [.write]))
        await colleagues.refresh()
        XCTAssertNil(colleagues.deadline, "none between colleagues")
    }

    // MARK: A request before its hand-over

    private let brief = RequestBrief(requester: Fixtures.gp, specialty: "dermatology", urgency: .urgent, due: nil,
                                     ageBand: .adult, sex: .male, question: "Exérèse ?")

    func testTheTakerWaitsForTheRequestingDoctorsDeviceThenAdvises() async {
        let cases = FakeCaseService()
        let viewModel = makeViewModel(me: Fixtures.dermatologist,
                                      details: details(.accepted, request: true, acceptedBy: Fixtures.dermatologist),
                                      core: CaseActions(role: .taker, actions: [], handover: .awaitingRequester),
                                      cases: cases, requester: nil)
        let brief = self.brief
        cases.onBrief = { _ in brief }
        await viewModel.refresh()
        XCTAssertEqual(viewModel.handoverWait, .awaitingRequester)
        XCTAssertFalse(viewModel.canWrite)
        XCTAssertEqual(viewModel.brief, brief, "the brief shows while the header cannot be read")
        XCTAssertFalse(viewModel.actions.contains(.advise), "no advice before the hand-over")
        XCTAssertFalse(viewModel.actions.contains(.invite))

        cases.onAllowed = { _ in CaseActions(role: .taker, actions: [.write, .advise]) }
        await viewModel.refresh()
        XCTAssertNil(viewModel.handoverWait)
        XCTAssertTrue(viewModel.canWrite)
        XCTAssertTrue(viewModel.actions.contains(.advise))
    }

    func testTheGPWaitsForASpecialistThenHisDeviceHandsTheCaseOver() async {
        let cases = FakeCaseService()
        var current = details(.requested, request: true)
        var decided = CaseActions(role: .requester, actions: [], handover: .notTaken)
        let viewModel = makeViewModel(me: Fixtures.gp, details: current, core: decided, cases: cases)
        cases.onDetails = { _ in current }
        cases.onAllowed = { _ in decided }
        await viewModel.refresh()
        XCTAssertEqual(viewModel.handoverWait, .notTaken)
        XCTAssertFalse(viewModel.canWrite)

        current = details(.accepted, request: true, acceptedBy: Fixtures.dermatologist)
        decided = CaseActions(role: .requester, actions: [], handover: .handingOver)
        await viewModel.refresh()
        XCTAssertEqual(viewModel.handoverWait, .handingOver)

        decided = CaseActions(role: .requester, actions: [.write])
        await viewModel.refresh()
        XCTAssertNil(viewModel.handoverWait)
        XCTAssertTrue(viewModel.canWrite)
    }

    func testTheGPConfirmsASpecialistHeHasNotVerifiedBeforeHandingOver() async {
        let cases = FakeCaseService()
        var decided = CaseActions(role: .requester, actions: [.confirmMember], handover: .confirmTaker)
        let viewModel = makeViewModel(me: Fixtures.gp,
                                      details: details(.accepted, request: true, acceptedBy: Fixtures.dermatologist),
                                      core: decided, cases: cases)
        cases.onAllowed = { _ in decided }
        await viewModel.refresh()
        XCTAssertEqual(viewModel.handoverWait, .confirmTaker)
        XCTAssertEqual(viewModel.handoverWait?.labelKey, "handover.confirmTaker")
        XCTAssertTrue(viewModel.canConfirmMembers)
        XCTAssertFalse(viewModel.canWrite)
        XCTAssertEqual(viewModel.actions, [], "confirmed from the warning, not from the menu")

        decided = CaseActions(role: .requester, actions: [.write])
        await viewModel.refresh()
        XCTAssertNil(viewModel.handoverWait)
        XCTAssertFalse(viewModel.canConfirmMembers)
    }

    func testAFailedReadKeepsTheCoresLastAnswerWithoutAnError() async {
        let cases = FakeCaseService()
        let viewModel = makeViewModel(me: Fixtures.dermatologist,
                                      details: details(.accepted, request: true, acceptedBy: Fixtures.dermatologist),
                                      core: CaseActions(role: .taker, actions: [], handover: .awaitingRequester),
                                      cases: cases)
        await viewModel.refresh()
        cases.onAllowed = { _ in throw ServiceError.homeserverUnreachable }
        await viewModel.refresh()
        XCTAssertEqual(viewModel.handoverWait, .awaitingRequester)
        XCTAssertNil(viewModel.error)
        XCTAssertEqual(cases.allowedReads, 2, "asked again at each refresh")
    }

    func testAFirstReadThatFailsIsShown() async {
        let cases = FakeCaseService()
        let viewModel = makeViewModel(me: Fixtures.dermatologist, details: details(.open, request: false),
                                      core: CaseActions(role: .member, actions: [.write]), cases: cases)
        cases.onAllowed = { _ in throw ServiceError.homeserverUnreachable }
        await viewModel.refresh()
        XCTAssertEqual(viewModel.error, .homeserverUnreachable)
        XCTAssertFalse(viewModel.canWrite)
    }

    func testAnAnsweredRequestTheCoreSaysNothingWaitsForAsksNoBrief() async {
        let cases = FakeCaseService()
        let viewModel = makeViewModel(me: Fixtures.dermatologist,
                                      details: details(.answered, request: true, acceptedBy: Fixtures.dermatologist),
                                      core: CaseActions(role: .taker, actions: [.write, .advise]),
                                      cases: cases, requester: nil)
        cases.onBrief = { _ in XCTFail("no brief asked"); return nil }
        await viewModel.refresh()
        XCTAssertNil(viewModel.handoverWait)
        XCTAssertTrue(viewModel.canWrite)
    }
}
