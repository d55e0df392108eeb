@testable import Innomed
@testable import InnomedServices
import XCTest

@MainActor
final class CaseListViewModelTests: XCTestCase {
    func testInvitationsApartAndOverdueCasesFirst() async {
        let cases = FakeCaseService()
        let now = Fixtures.now
        cases.rowUpdates = [[
            Fixtures.row("recent", activity: now),
            Fixtures.row("invite", membership: .invited, progress: nil),
            Fixtures.row("overdue", urgency: .soon, due: now.addingTimeInterval(-3600)),
            Fixtures.row("closed", progress: .closed, due: now.addingTimeInterval(-7200)),
        ]]
        let viewModel = CaseListViewModel(cases: cases, directory: FakeDirectoryService()) { now }

        await viewModel.observe()

        XCTAssertEqual(viewModel.invitations.map(\.id.rawValue), ["invite"])
        XCTAssertEqual(viewModel.cases.map(\.id.rawValue), ["overdue", "recent", "closed"])
        XCTAssertEqual(viewModel.deadline(of: viewModel.cases[0]), .overdue)
        XCTAssertEqual(viewModel.deadline(of: viewModel.cases[2]), .done)
        XCTAssertEqual(viewModel.specialtyLabel(of: viewModel.cases[0]), "Dermatologie")
        XCTAssertFalse(viewModel.isLoading)
    }

    func testDueSoonInTheLastQuarterOfTheUrgencyWindow() {
        let now = Fixtures.now
        let soon = Fixtures.row("a", urgency: .soon, due: now.addingTimeInterval(11 * 3600))
        let later = Fixtures.row("b", urgency: .soon, due: now.addingTimeInterval(13 * 3600))
        XCTAssertEqual(soon.deadline(now: now), .dueSoon)
        XCTAssertEqual(later.deadline(now: now), .onTime)
    }

    func testAFailedAcceptIsReported() async {
        let cases = FakeCaseService()
        cases.onAccept = { _ in throw ServiceError.caseClosed }
        let viewModel = CaseListViewModel(cases: cases, directory: FakeDirectoryService())

        await viewModel.accept(CaseID("invite"))

        XCTAssertEqual(viewModel.error, .caseClosed)
        XCTAssertNil(viewModel.busy)
    }

    func testRemindersHandedOutOnceStayUntilDismissed() async {
        let requests = FakeRequestService()
        let reminder = DeadlineReminder(caseID: CaseID("!r:cpts.test"), code: "IM-R", deadline: .overdue,
                                        due: Fixtures.now)
        var batches = [[reminder], []]
        requests.onReminders = { batches.removeFirst() }
        let viewModel = CaseListViewModel(cases: FakeCaseService(), directory: FakeDirectoryService(),
                                          requests: requests)

        await viewModel.loadReminders()
        await viewModel.loadReminders()
        XCTAssertEqual(viewModel.reminders, [reminder])

        viewModel.dismissReminders()
        XCTAssertEqual(viewModel.reminders, [])
    }
}
