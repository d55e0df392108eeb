@testable import Innomed
@testable import InnomedServices
import XCTest

/// The GP's request: the next step of its routing is the core's (planned, sent, cancelled; none
/// on any other device), shown as it says, the specialists named from the request's CPTS
/// directory.
@MainActor
final class NextStepViewModelTests: XCTestCase {
    private let cpts = RoutingFixtures.cpts.id
    /// When the core plans the step: 30 minutes after the request.
    private let at = stepTime

    private func makeViewModel(requests: FakeRequestService, directory: FakeDirectoryService = FakeDirectoryService())
        -> NextStepViewModel {
        NextStepViewModel(requests: requests, directory: directory, caseID: RoutingFixtures.caseID)
    }

    func testAPlannedStepSaysWhenAndNamesTheSpecialistsFromTheDirectory() async {
        let requests = FakeRequestService()
        requests.onNextStep = { id in
            XCTAssertEqual(id, RoutingFixtures.caseID)
            return NextStep(at: stepTime, specialists: [RoutingFixtures.derme, RoutingFixtures.lefevre],
                            state: .planned)
        }
        let directory = RoutingFixtures.directory()
        let viewModel = makeViewModel(requests: requests, directory: directory)

        await viewModel.refresh(in: cpts)

        let line = viewModel.line
        XCTAssertEqual(line?.state, .planned)
        XCTAssertEqual(line?.at, at)
        XCTAssertEqual(line?.toCoordinatorOnly, false)
        XCTAssertEqual(line?.specialists.map(\.name), ["Bruno Derme", "Dr Léa Lefèvre"], "the directory's names")
        XCTAssertEqual(line?.specialists.map(\.addsDoctorTitle), [true, false], "titled once")
        XCTAssertEqual(directory.searches.map { $0.0 }, [cpts], "the request's CPTS, read in full")
    }

    func testNobodyElseOnDutyGoesToTheCoordinatorOnlyWithoutReadingTheDirectory() async {
        let requests = FakeRequestService()
        requests.onNextStep = { _ in NextStep(at: stepTime, specialists: [], state: .planned) }
        let directory = FakeDirectoryService()
        let viewModel = makeViewModel(requests: requests, directory: directory)

        await viewModel.refresh(in: cpts)

        XCTAssertEqual(viewModel.line?.toCoordinatorOnly, true)
        XCTAssertTrue(directory.searches.isEmpty, "nobody to name")
    }

    func testNoNextStepShowsNothing() async {
        let requests = FakeRequestService()
        requests.onNextStep = { _ in nil }
        let viewModel = makeViewModel(requests: requests)

        await viewModel.refresh(in: cpts)

        XCTAssertNil(viewModel.line, "another device, another case: the core gives none")
        XCTAssertEqual(requests.nextStepReads, 1)
    }

    func testTheStepFollowsTheCoreFromPlannedToSentAndTheDirectoryIsReadOnce() async {
        let requests = FakeRequestService()
        var state = NextStepState.planned
        requests.onNextStep = { _ in NextStep(at: stepTime, specialists: [RoutingFixtures.derme], state: state) }
        let directory = RoutingFixtures.directory()
        let viewModel = makeViewModel(requests: requests, directory: directory)

        await viewModel.refresh(in: cpts)
        XCTAssertEqual(viewModel.line?.state, .planned)
        state = .sent
        await viewModel.refresh(in: cpts)

        XCTAssertEqual(viewModel.line?.state, .sent)
        XCTAssertEqual(viewModel.line?.specialists.map(\.name), ["Bruno Derme"])
        XCTAssertEqual(directory.searches.count, 1, "the same specialists: named already")
    }

    func testATakenRequestsStepIsCancelled() async {
        let requests = FakeRequestService()
        var state = NextStepState.planned
        requests.onNextStep = { _ in NextStep(at: stepTime, specialists: [RoutingFixtures.derme], state: state) }
        let viewModel = makeViewModel(requests: requests, directory: RoutingFixtures.directory())
        await viewModel.refresh(in: cpts)

        state = .cancelled
        await viewModel.refresh(in: cpts)

        XCTAssertEqual(viewModel.line?.state, .cancelled)
        XCTAssertNil(viewModel.delayUntilDue(now: Fixtures.now), "nothing left to wait for")
    }

    func testADirectoryNotReadShowsTheUserIDsAndIsAskedAgainAtTheNextRefresh() async {
        let requests = FakeRequestService()
        requests.onNextStep = { _ in
            NextStep(at: stepTime, specialists: [RoutingFixtures.derme, RoutingFixtures.stranger], state: .planned)
        }
        let directory = RoutingFixtures.directory()
        directory.onSearch = { _, _, _ in throw ServiceError.homeserverUnreachable }
        let viewModel = makeViewModel(requests: requests, directory: directory)

        await viewModel.refresh(in: cpts)
        XCTAssertEqual(viewModel.line?.specialists.map(\.name), [RoutingFixtures.derme.rawValue,
                                                                 RoutingFixtures.stranger.rawValue])
        XCTAssertEqual(viewModel.line?.state, .planned, "the step shows all the same")

        directory.onSearch = { _, _, _ in RoutingFixtures.members }
        await viewModel.refresh(in: cpts)

        XCTAssertEqual(viewModel.line?.specialists.map(\.name), ["Bruno Derme", RoutingFixtures.stranger.rawValue],
                       "named from the directory, else by id")
        XCTAssertNil(viewModel.line?.specialists.last?.member)
        XCTAssertEqual(directory.searches.count, 2)
    }

    func testWithoutItsCPTSNoDirectoryIsAsked() async {
        let requests = FakeRequestService()
        requests.onNextStep = { _ in NextStep(at: stepTime, specialists: [RoutingFixtures.derme], state: .planned) }
        let directory = FakeDirectoryService()
        let viewModel = makeViewModel(requests: requests, directory: directory)

        await viewModel.refresh(in: nil)

        XCTAssertEqual(viewModel.line?.specialists.map(\.name), [RoutingFixtures.derme.rawValue])
        XCTAssertTrue(directory.searches.isEmpty)
    }

    func testAFailedReadKeepsTheLastStep() async {
        let requests = FakeRequestService()
        requests.onNextStep = { _ in NextStep(at: stepTime, specialists: [], state: .planned) }
        let viewModel = makeViewModel(requests: requests)
        await viewModel.refresh(in: cpts)

        requests.onNextStep = { _ in throw ServiceError.caseNotFound }
        await viewModel.refresh(in: cpts)

        XCTAssertEqual(viewModel.line?.state, .planned)
    }

    func testAPlannedStepIsReadAgainShortlyAfterItsTime() async {
        let requests = FakeRequestService()
        var state = NextStepState.planned
        var when = at
        requests.onNextStep = { _ in NextStep(at: when, specialists: [], state: state) }
        let viewModel = makeViewModel(requests: requests)
        await viewModel.refresh(in: cpts)

        XCTAssertEqual(viewModel.delayUntilDue(now: Fixtures.now), 30 * 60 + NextStepViewModel.dueGrace)
        XCTAssertEqual(viewModel.delayUntilDue(now: at.addingTimeInterval(60)), 0, "overdue: read again now")

        when = Fixtures.now.addingTimeInterval(30 * 24 * 3600)
        await viewModel.refresh(in: cpts)
        XCTAssertEqual(viewModel.delayUntilDue(now: Fixtures.now), NextStepViewModel.longestWait)

        state = .sent
        await viewModel.refresh(in: cpts)
        XCTAssertNil(viewModel.delayUntilDue(now: Fixtures.now), "gone out: the rows tell the rest")
    }
}

private let stepTime = Fixtures.now.addingTimeInterval(30 * 60)
