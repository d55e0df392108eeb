@testable import Innomed
@testable import InnomedServices
import XCTest

/// The coordinator's unanswered requests: the core's alerts in its order (newest first), the
/// people named from the directory; nothing is asked of the core for anyone but the coordinator.
@MainActor
final class UnansweredRequestsViewModelTests: XCTestCase {
    private let cpts = RoutingFixtures.cpts

    func testTheCoordinatorSeesEachAlertNewestFirstNamedFromTheDirectory() async {
        let requests = FakeRequestService()
        let newer = RoutingFixtures.alert("IM-NEW001", urgency: .urgent, next: [RoutingFixtures.derme],
                                          at: Fixtures.now)
        let older = RoutingFixtures.alert("IM-OLD001", urgency: .routine, next: [],
                                          at: Fixtures.now.addingTimeInterval(-3600))
        requests.onUnanswered = { id in
            XCTAssertEqual(id, RoutingFixtures.cpts.id)
            return [newer, older]
        }
        let viewModel = UnansweredRequestsViewModel(requests: requests, directory: RoutingFixtures.directory(),
                                                    cpts: cpts)

        await viewModel.load()

        XCTAssertTrue(viewModel.loaded)
        XCTAssertTrue(viewModel.isCoordinator)
        XCTAssertNil(viewModel.error)
        let lines = viewModel.lines
        XCTAssertEqual(lines.map(\.alert.code), ["IM-NEW001", "IM-OLD001"], "the core's order")
        XCTAssertEqual(lines.map(\.alert.urgency), [.urgent, .routine])
        XCTAssertEqual(lines.map(\.requester.name), ["Marie Martin", "Marie Martin"])
        XCTAssertEqual(lines.first?.next.map(\.name), ["Bruno Derme"])
        XCTAssertEqual(lines.first?.next.first?.addsDoctorTitle, true)
        XCTAssertEqual(lines.map(\.toCoordinatorOnly), [false, true], "nobody else on duty: the coordinator alone")
        XCTAssertEqual(lines.map(\.alert.at), [Fixtures.now, Fixtures.now.addingTimeInterval(-3600)])
        XCTAssertEqual(lines.first?.alert.specialty, "dermatology", "a code: its label comes from the list")
        XCTAssertEqual(viewModel.specialties.map(\.code), ["dermatology"])
    }

    func testAMemberIsToldItIsTheCoordinatorsAndNothingIsAsked() async {
        let requests = FakeRequestService()
        let viewModel = UnansweredRequestsViewModel(requests: requests,
                                                    directory: RoutingFixtures.directory(coordinator: false),
                                                    cpts: cpts)

        await viewModel.load()

        XCTAssertTrue(viewModel.loaded)
        XCTAssertFalse(viewModel.isCoordinator)
        XCTAssertTrue(viewModel.lines.isEmpty)
        XCTAssertEqual(requests.unansweredReads, 0)
    }

    func testSomeoneTheDirectoryDoesNotKnowIsShownByTheirID() async {
        let requests = FakeRequestService()
        requests.onUnanswered = { _ in
            [RoutingFixtures.alert("IM-ABC123", next: [RoutingFixtures.stranger], at: Fixtures.now)]
        }
        let viewModel = UnansweredRequestsViewModel(requests: requests, directory: RoutingFixtures.directory(),
                                                    cpts: cpts)

        await viewModel.load()

        XCTAssertEqual(viewModel.lines.first?.next.map(\.name), [RoutingFixtures.stranger.rawValue])
        XCTAssertEqual(viewModel.lines.first?.next.first?.addsDoctorTitle, false)
    }

    func testADirectoryNotReadStillShowsTheAlertsByID() async {
        let requests = FakeRequestService()
        requests.onUnanswered = { _ in
            [RoutingFixtures.alert("IM-ABC123", next: [RoutingFixtures.derme], at: Fixtures.now)]
        }
        let directory = RoutingFixtures.directory()
        directory.onSearch = { _, _, _ in throw ServiceError.homeserverUnreachable }
        let viewModel = UnansweredRequestsViewModel(requests: requests, directory: directory, cpts: cpts)

        await viewModel.load()

        XCTAssertNil(viewModel.error, "the names are a courtesy: the alerts are what matters")
        XCTAssertEqual(viewModel.lines.map(\.alert.code), ["IM-ABC123"])
        XCTAssertEqual(viewModel.lines.first?.requester.name, Fixtures.gp.rawValue)
    }

    func testAnAlertListNotReadIsSaid() async {
        let requests = FakeRequestService()
        requests.onUnanswered = { _ in throw ServiceError.homeserverUnreachable }
        let viewModel = UnansweredRequestsViewModel(requests: requests, directory: RoutingFixtures.directory(),
                                                    cpts: cpts)

        await viewModel.load()

        XCTAssertEqual(viewModel.error, .homeserverUnreachable)
        XCTAssertFalse(viewModel.loaded)
        XCTAssertTrue(viewModel.lines.isEmpty)
    }

    func testNoAlertSaysEveryRequestFoundATaker() async {
        let requests = FakeRequestService()
        requests.onUnanswered = { _ in [] }
        let viewModel = UnansweredRequestsViewModel(requests: requests, directory: RoutingFixtures.directory(),
                                                    cpts: cpts)

        await viewModel.load()

        XCTAssertTrue(viewModel.loaded)
        XCTAssertTrue(viewModel.lines.isEmpty)
        XCTAssertEqual(requests.unansweredReads, 1)
    }
}
