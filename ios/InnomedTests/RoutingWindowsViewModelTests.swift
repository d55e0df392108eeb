@testable import Innomed
@testable import InnomedServices
import XCTest

/// The coordinator's routing windows: read from the core, picked by hours and minutes, sent as
/// picked; whether a window is valid is the core's to say (its refusals scripted here as it
/// would give them), shown in words with what was picked kept.
@MainActor
final class RoutingWindowsViewModelTests: XCTestCase {
    private let cpts = RoutingFixtures.cpts

    /// A core holding `windows` that takes every change (as the coordinator's would).
    private func makeRequests(_ windows: RoutingWindows = RoutingFixtures.defaults) -> FakeRequestService {
        let requests = FakeRequestService()
        var held = windows
        requests.onRoutingWindows = { id in
            XCTAssertEqual(id, RoutingFixtures.cpts.id)
            return held
        }
        requests.onSetRoutingWindows = { windows, _ in held = windows }
        return requests
    }

    private func makeViewModel(_ requests: FakeRequestService, coordinator: Bool = true) -> RoutingWindowsViewModel {
        RoutingWindowsViewModel(requests: requests, directory: RoutingFixtures.directory(coordinator: coordinator),
                                cpts: cpts)
    }

    func testTheCoresWindowsShowAsHoursAndMinutes() async {
        let viewModel = makeViewModel(makeRequests())

        await viewModel.load()

        XCTAssertTrue(viewModel.loaded)
        XCTAssertEqual(viewModel.windows, RoutingFixtures.defaults)
        XCTAssertEqual(viewModel.draft(for: .urgent), WindowDraft(hours: 0, minutes: 30))
        XCTAssertEqual(viewModel.draft(for: .soon), WindowDraft(hours: 4, minutes: 0))
        XCTAssertEqual(viewModel.draft(for: .routine), WindowDraft(hours: 24, minutes: 0))
        XCTAssertTrue(viewModel.canEdit)
        XCTAssertFalse(viewModel.canSave, "nothing changed yet")
    }

    func testTheCoordinatorSendsTheThreeWindowsAsPickedThenShowsTheCoresAnswer() async {
        let requests = makeRequests()
        let viewModel = makeViewModel(requests)
        await viewModel.load()

        viewModel.setMinutes(45, for: .urgent)
        viewModel.setHours(2, for: .soon)
        XCTAssertTrue(viewModel.canSave)
        await viewModel.save()

        let sent = RoutingWindows(urgent: 45 * 60, soon: 2 * 3600, routine: 24 * 3600)
        XCTAssertEqual(requests.routingWindowChanges.map { $0.0 }, [sent])
        XCTAssertEqual(requests.routingWindowChanges.map { $0.1 }, [cpts.id])
        XCTAssertEqual(viewModel.windows, sent, "read again from the core")
        XCTAssertTrue(viewModel.saved)
        XCTAssertFalse(viewModel.hasChanges)
        XCTAssertFalse(viewModel.saving)
        XCTAssertNil(viewModel.error)
    }

    func testAWindowTheCoreRefusesIsSaidInWordsAndWhatWasPickedStays() async {
        let requests = makeRequests()
        requests.onSetRoutingWindows = { _, _ in throw ServiceError.invalidRequest(.routingWindow) }
        let viewModel = makeViewModel(requests)
        await viewModel.load()

        viewModel.setHours(30, for: .urgent)
        await viewModel.save()

        XCTAssertEqual(requests.routingWindowChanges.map { $0.0.urgent }, [30 * 3600 + 30 * 60],
                       "sent as picked: the core judges it")
        XCTAssertEqual(viewModel.error, .invalidRequest(.routingWindow))
        XCTAssertEqual(viewModel.errorKey, "error.invalidRequest.routingWindow")
        XCTAssertEqual(viewModel.draft(for: .urgent), WindowDraft(hours: 30, minutes: 30), "what was picked stays")
        XCTAssertEqual(viewModel.windows, RoutingFixtures.defaults, "the core's windows unchanged")
        XCTAssertFalse(viewModel.saved)
        XCTAssertTrue(viewModel.canSave, "the coordinator may correct and send again")

        viewModel.setHours(0, for: .urgent)
        XCTAssertNil(viewModel.error, "a new pick clears the refusal")
    }

    func testAWindowOfNothingIsSentAndRefusedByTheCore() async {
        let requests = makeRequests()
        requests.onSetRoutingWindows = { windows, _ in
            XCTAssertEqual(windows.urgent, 0)
            throw ServiceError.invalidRequest(.routingWindow)
        }
        let viewModel = makeViewModel(requests)
        await viewModel.load()

        viewModel.setMinutes(0, for: .urgent)
        XCTAssertTrue(viewModel.canSave, "the app does not judge the window")
        await viewModel.save()

        XCTAssertEqual(viewModel.errorKey, "error.invalidRequest.routingWindow")
    }

    func testARefusalForAnyoneButTheCoordinatorSaysWhoMayChangeThem() async {
        let requests = makeRequests()
        requests.onSetRoutingWindows = { _, _ in throw ServiceError.coordinatorOnly }
        let viewModel = makeViewModel(requests)
        await viewModel.load()

        viewModel.setMinutes(15, for: .urgent)
        await viewModel.save()

        XCTAssertEqual(viewModel.error, .coordinatorOnly)
        XCTAssertEqual(viewModel.errorKey, "routing.error.coordinatorOnly")
    }

    func testAMemberReadsTheWindowsButChangesNothing() async {
        let requests = makeRequests()
        let viewModel = makeViewModel(requests, coordinator: false)
        await viewModel.load()

        XCTAssertEqual(viewModel.windows, RoutingFixtures.defaults)
        XCTAssertFalse(viewModel.canEdit)
        viewModel.setHours(1, for: .urgent)
        XCTAssertEqual(viewModel.draft(for: .urgent), WindowDraft(hours: 0, minutes: 30), "nothing picked")
        await viewModel.save()
        XCTAssertTrue(requests.routingWindowChanges.isEmpty)
    }

    func testSecondsTheCoreHoldsAreKeptUntilTheWindowIsPicked() async {
        let drill = RoutingWindows(urgent: 5, soon: 4 * 3600, routine: 24 * 3600)
        let requests = makeRequests(drill)
        let viewModel = makeViewModel(requests)
        await viewModel.load()

        XCTAssertEqual(viewModel.draft(for: .urgent), WindowDraft(hours: 0, minutes: 0, seconds: 5))
        XCTAssertFalse(viewModel.hasChanges, "the drill's 5 seconds read as they are")

        viewModel.setMinutes(10, for: .urgent)
        XCTAssertEqual(viewModel.picked?.urgent, 10 * 60, "whole minutes once picked")
    }

    func testDiscardingBringsBackTheCoresWindows() async {
        let viewModel = makeViewModel(makeRequests())
        await viewModel.load()

        viewModel.setHours(3, for: .routine)
        XCTAssertTrue(viewModel.hasChanges)
        viewModel.discardChanges()

        XCTAssertFalse(viewModel.hasChanges)
        XCTAssertEqual(viewModel.draft(for: .routine), WindowDraft(hours: 24, minutes: 0))
    }

    func testWindowsNotReadAreSaidAndNothingIsOffered() async {
        let requests = FakeRequestService()
        requests.onRoutingWindows = { _ in throw ServiceError.cptsNotFound }
        let viewModel = makeViewModel(requests)

        await viewModel.load()

        XCTAssertEqual(viewModel.error, .cptsNotFound)
        XCTAssertFalse(viewModel.loaded)
        XCTAssertFalse(viewModel.canEdit)
        XCTAssertNil(viewModel.picked)
    }

    func testAPickerShowsTheCoresValueEvenWhenItIsNotOneOfItsChoices() {
        XCTAssertEqual(RoutingWindowsViewModel.choices([0, 1, 2], showing: 1), [0, 1, 2])
        XCTAssertEqual(RoutingWindowsViewModel.choices([0, 1, 2], showing: 200), [0, 1, 2, 200])
    }
}
