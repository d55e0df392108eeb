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
            Fixtures.row("invite", membership: .invited, status: nil),
            Fixtures.row("overdue", urgency: .soon, due: now.addingTimeInterval(-3600), deadline: .overdue),
            Fixtures.row("closed", status: .closed, due: now.addingTimeInterval(-7200), deadline: .done),
        ]]
        let viewModel = CaseListViewModel(cases: cases, directory: FakeDirectoryService())

        await viewModel.observe()

        XCTAssertEqual(viewModel.invitations.map(\.id.rawValue), ["invite"])
        XCTAssertEqual(viewModel.cases.map(\.id.rawValue), ["overdue", "recent", "closed"])
        XCTAssertEqual(viewModel.cases[0].deadline?.state, .overdue)
        XCTAssertEqual(viewModel.cases[2].deadline?.state, .done)
        XCTAssertEqual(viewModel.specialtyLabel(of: viewModel.cases[0]), "Dermatologie")
        XCTAssertFalse(viewModel.isLoading)
    }

    func testTheListOrdersByWhereTheCoreSaysEachRequestStandsDueSoonIncluded() async {
        let cases = FakeCaseService()
        let now = Fixtures.now
        cases.rowUpdates = [[
            Fixtures.row("onTime", urgency: .urgent, due: now.addingTimeInterval(3 * 3600), deadline: .onTime),
            // Due later, but the core says its urgency's window is nearly over.
            Fixtures.row("dueSoon", urgency: .routine, due: now.addingTimeInterval(24 * 3600), deadline: .dueSoon),
            Fixtures.row("colleagues"),
            Fixtures.row("answered", status: .answered),
        ]]
        let viewModel = CaseListViewModel(cases: cases, directory: FakeDirectoryService())

        await viewModel.observe()

        XCTAssertEqual(viewModel.cases.map(\.id.rawValue), ["dueSoon", "onTime", "colleagues", "answered"])
        XCTAssertEqual(viewModel.cases[0].deadline?.state, .dueSoon, "the row shows the core's deadline")
        XCTAssertNil(viewModel.cases[2].deadline, "none between colleagues")
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
        let reminder = DeadlineAlert(caseID: CaseID("!r:cpts.test"), code: "IM-R", deadline: .overdue,
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

    func testAMutedCaseStaysListedInItsPlaceWithItsUnreadCount() {
        let now = Fixtures.now
        let viewModel = CaseListViewModel(cases: FakeCaseService(), directory: FakeDirectoryService())

        viewModel.apply([
            Fixtures.row("older", activity: now.addingTimeInterval(-60)),
            Fixtures.row("muted", activity: now, unread: 3, muted: true),
        ])

        XCTAssertEqual(viewModel.cases.map(\.id.rawValue), ["muted", "older"], "muting hides and moves nothing")
        XCTAssertEqual(viewModel.cases.map(\.muted), [true, false], "the row shows the core's flag")
        XCTAssertEqual(viewModel.cases[0].unread, 3)
    }

    func testAnInvitationNamesItsInviterAsTheCoreGivesItElseByTheIdsLocalPart() {
        let named = Fixtures.row("named", membership: .invited, status: nil, inviterName: "Dr Paul Martin")
        let unnamed = Fixtures.row("unnamed", membership: .invited, status: nil)
        let blank = Fixtures.row("blank", membership: .invited, status: nil, inviterName: "  ")
        let joined = Fixtures.row("joined")

        XCTAssertEqual(named.inviterLabel, "Dr Paul Martin")
        XCTAssertEqual(unnamed.inviterLabel, "dr.martin", "no name from the core: the id's local part")
        XCTAssertEqual(blank.inviterLabel, "dr.martin")
        XCTAssertNil(joined.inviterLabel)
        XCTAssertTrue(named.showsInviterApart)
        XCTAssertFalse(joined.showsInviterApart)
    }

    func testARoutedRequestsBriefNamesWhoAsks() {
        let brief = RequestBrief(requester: Fixtures.gp, specialty: "dermatology", urgency: .soon, due: nil,
                                 ageBand: .adult, sex: .female, question: "Exérèse ?")
        let routed = Fixtures.row("routed", membership: .invited, status: nil, inviterName: "Dr Paul Martin",
                                  brief: brief)
        let unnamed = Fixtures.row("unnamed", membership: .invited, status: nil, brief: brief)
        let other = RequestBrief(requester: UserID("@dr.roux:cpts.test"), specialty: "dermatology", urgency: .soon,
                                 due: nil, ageBand: .adult, sex: .female, question: "Exérèse ?")
        let fromSomeoneElse = Fixtures.row("other", membership: .invited, status: nil,
                                           inviterName: "Dr Paul Martin", brief: other)

        XCTAssertEqual(routed.askedByLabel, "Dr Paul Martin", "the inviter asked: their name")
        XCTAssertFalse(routed.showsInviterApart, "named once, as who asks")
        XCTAssertEqual(unnamed.askedByLabel, "dr.martin")
        XCTAssertEqual(fromSomeoneElse.askedByLabel, "dr.roux", "not the inviter: the id's local part")
        XCTAssertTrue(fromSomeoneElse.showsInviterApart)
        XCTAssertNil(Fixtures.row("plain", membership: .invited, status: nil).askedByLabel)
    }

    // MARK: Chips and the archive

    func testEachChipAsksTheCoreForItsFilterAndShowsTheRowsAsTheCoreGivesThem() async {
        let expected: [(CaseListChip, CaseFilter)] = [
            (.all, CaseFilter()),
            (.waitingForMe, CaseFilter(waitingForMe: true)),
            (.askedByMe, CaseFilter(askedByMe: true)),
            (.overdue, CaseFilter(overdue: true)),
            (.urgent, CaseFilter(urgency: .urgent)),
            (.muted, CaseFilter(muted: true)),
            (.archived, CaseFilter(archived: true)),
        ]
        XCTAssertEqual(expected.map { $0.0 }, CaseListChip.allCases, "every chip, in the order shown")
        for (chip, filter) in expected {
            let cases = FakeCaseService()
            // Whatever the core lets through is shown: the app works out none of its rules.
            cases.rowUpdates = [[Fixtures.row("a", waitingForMe: false), Fixtures.row("b", askedByMe: true)]]
            let viewModel = CaseListViewModel(cases: cases, directory: FakeDirectoryService())

            viewModel.select(chip)
            await viewModel.observe()

            XCTAssertEqual(viewModel.chip, chip)
            XCTAssertEqual(cases.filters, [filter], "\(chip): the core's filter")
            XCTAssertEqual(Set(viewModel.cases.map(\.id.rawValue)), ["a", "b"], "\(chip): nothing filtered here")
            XCTAssertEqual(viewModel.isArchive, chip == .archived)
        }
    }

    func testPickingAnotherChipEmptiesTheListUntilTheCoreAnswers() async {
        let cases = FakeCaseService()
        cases.rowUpdates = [[Fixtures.row("main"), Fixtures.row("invite", membership: .invited, status: nil)]]
        let viewModel = CaseListViewModel(cases: cases, directory: FakeDirectoryService())
        await viewModel.observe()
        XCTAssertEqual(viewModel.cases.count, 1)

        viewModel.select(.archived)
        XCTAssertTrue(viewModel.cases.isEmpty)
        XCTAssertTrue(viewModel.invitations.isEmpty)
        XCTAssertTrue(viewModel.isLoading)

        cases.rowUpdates = [[Fixtures.row("old", status: .closed, archived: true)]]
        await viewModel.observe()
        XCTAssertEqual(cases.filters, [CaseFilter(), CaseFilter(archived: true)])
        XCTAssertEqual(viewModel.cases.map(\.id.rawValue), ["old"])
        XCTAssertFalse(viewModel.isLoading)

        viewModel.select(.archived)
        XCTAssertEqual(viewModel.cases.map(\.id.rawValue), ["old"], "the same chip again changes nothing")
    }

    func testAClosedCaseIsOfferedTheArchiveAndAnArchivedOneItsRestore() {
        let viewModel = CaseListViewModel(cases: FakeCaseService(), directory: FakeDirectoryService())
        let open = Fixtures.row("open")
        let closed = Fixtures.row("closed", status: .closed)
        let archived = Fixtures.row("archived", status: .closed, archived: true)

        XCTAssertFalse(viewModel.canArchive(open))
        XCTAssertTrue(viewModel.canArchive(closed))
        XCTAssertFalse(viewModel.canArchive(archived))
        XCTAssertFalse(viewModel.canRestore(closed))
        XCTAssertTrue(viewModel.canRestore(archived))
    }

    func testArchiveAndRestoreAskTheCoreAndItsRefusalIsSaidInWords() async {
        let cases = FakeCaseService()
        cases.onArchive = { _ in throw ServiceError.notClosed }
        cases.onRestore = { _ in }
        let viewModel = CaseListViewModel(cases: cases, directory: FakeDirectoryService())

        await viewModel.archive(CaseID("open"))
        XCTAssertEqual(cases.archived, [CaseID("open")])
        XCTAssertEqual(viewModel.error, .notClosed)
        XCTAssertEqual(viewModel.error?.localizationKey, "error.notClosed")
        XCTAssertNil(viewModel.busy)

        viewModel.error = nil
        await viewModel.restore(CaseID("old"))
        XCTAssertEqual(cases.restored, [CaseID("old")])
        XCTAssertNil(viewModel.error)

        cases.onArchive = { _ in }
        await viewModel.archive(CaseID("closed"))
        XCTAssertEqual(cases.archived, [CaseID("open"), CaseID("closed")])
        XCTAssertNil(viewModel.error)

        cases.onRestore = { _ in throw ServiceError.homeserverUnreachable }
        await viewModel.restore(CaseID("old"))
        XCTAssertEqual(viewModel.error, .homeserverUnreachable)
        XCTAssertNil(viewModel.busy)
    }

    func testArchivingTheClosedCasesAtOnceSaysHowManyTheCoreArchived() async {
        let cases = FakeCaseService()
        cases.onArchiveClosed = { days in
            XCTAssertEqual(days, 30)
            return 3
        }
        let viewModel = CaseListViewModel(cases: cases, directory: FakeDirectoryService())
        viewModel.select(.archived)

        await viewModel.archiveClosedCases()

        XCTAssertEqual(cases.archiveClosedDays, [30], "closed for a month")
        XCTAssertEqual(viewModel.archivedClosedCount, 3)
        XCTAssertFalse(viewModel.isArchivingClosed)
        XCTAssertNil(viewModel.error)

        cases.onArchiveClosed = { _ in throw ServiceError.closed }
        await viewModel.archiveClosedCases()
        XCTAssertEqual(viewModel.error, .closed)
        XCTAssertNil(viewModel.archivedClosedCount, "no count for a refusal")
        XCTAssertFalse(viewModel.isArchivingClosed)
    }
}
