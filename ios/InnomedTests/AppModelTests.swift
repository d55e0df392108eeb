@testable import Innomed
@testable import InnomedServices
import XCTest

private final class AlwaysYes: DeviceAuthenticating {
    func canAuthenticate() -> Bool { true }
    func authenticate(reason: String) async -> Bool { true }
}

@MainActor
final class AppModelTests: XCTestCase {
    private var notificationsRemoved = 0

    /// `reminders`: the deadline reminders' scheduler, over a fake notification center unless given.
    private func makeModel(_ service: FakeSessionService, reminders: DeadlineReminderScheduler? = nil) -> AppModel {
        AppModel(sessionService: service, lock: AppLockViewModel(authenticator: AlwaysYes()),
                 photos: PrivatePhotoStore(directory: Fixtures.temporaryDirectory()),
                 requestPushPermission: {},
                 removeDeliveredNotifications: { [unowned self] in self.notificationsRemoved += 1 },
                 reminders: reminders ?? DeadlineReminderScheduler(center: FakeNotificationCenter()))
    }

    func testNoSavedSessionShowsSignIn() async {
        let service = FakeSessionService()
        service.onRestore = { nil }
        let model = makeModel(service)

        await model.start()

        XCTAssertNil(model.session)
        guard case .signedOut = model.phase else { return XCTFail("expected the sign-in screen") }
    }

    func testARestoredSessionStartsLockedAndAsksForTheRecoveryKeyWhenIncomplete() async {
        let service = FakeSessionService()
        let trust = FakeTrustService()
        trust.recovery = .incomplete
        service.onRestore = { Fixtures.session(trust: trust) }
        let model = makeModel(service)

        await model.start()

        XCTAssertEqual(model.session?.account.userID, Fixtures.gp)
        XCTAssertTrue(model.lock.isLocked)
        XCTAssertEqual(model.recoveryNeeded, .incomplete)
    }

    func testACareTeamOpenedFromTheDirectoryIsShownInTheCasesTab() async {
        let model = makeModel(FakeSessionService())
        await model.signedIn(Fixtures.session())
        let team = CaseID("!team:cpts.test")

        model.openCase(team)

        XCTAssertEqual(model.destination, .conversation(team))
        model.destinationShown()
        XCTAssertNil(model.destination, "shown once")
    }

    func testSignOutElsewhereReturnsToSignInWithTheReason() async {
        let service = FakeSessionService()
        var signal: AsyncStream<Void>.Continuation?
        service.signOutSignals = AsyncStream { signal = $0 }
        let model = makeModel(service)
        await model.signedIn(Fixtures.session())
        XCTAssertNotNil(model.session)

        signal?.yield()
        signal?.finish()
        for _ in 0..<10 where model.session != nil { await Task.yield() }

        XCTAssertNil(model.session)
        XCTAssertEqual(model.notice, .sessionRevoked)
        XCTAssertEqual(notificationsRemoved, 1, "no case code stays on the lock screen")
    }

    func testRemindersAreScheduledAtStartAgainWhenTheCaseListChangesAndRemovedAtSignOut() async {
        let service = FakeSessionService()
        let requests = FakeRequestService()
        let cases = FakeCaseService()
        var rowsChanged: AsyncStream<[CaseSummary]>.Continuation?
        cases.liveRows = AsyncStream { rowsChanged = $0 }
        let request = CaseID("!req:cpts.test")
        let soon = Date().addingTimeInterval(3_600)
        var listed = [ScheduledReminder(caseID: request, code: "IM-REQ", at: soon, state: .dueSoon)]
        requests.onReminderSchedule = { listed }
        service.onRestore = { Fixtures.session(cases: cases, requests: requests) }
        let center = FakeNotificationCenter()
        center.seed(PendingNotification(identifier: "other", fireDate: nil, body: "x"))
        let reminders = DeadlineReminderScheduler(center: center)
        let model = makeModel(service, reminders: reminders)
        let dueSoon = DeadlineReminderPlan.identifier(for: request, state: .dueSoon) ?? ""
        let overdue = DeadlineReminderPlan.identifier(for: request, state: .overdue) ?? ""

        await model.start()
        await reminders.settle()
        XCTAssertEqual(center.pendingIdentifiers, ["other", dueSoon], "at start, behind the lock too")

        listed.append(ScheduledReminder(caseID: request, code: "IM-REQ", at: soon.addingTimeInterval(3_600),
                                        state: .overdue))
        let reads = requests.reminderScheduleReads
        rowsChanged?.yield([Fixtures.row("!req:cpts.test")])
        for _ in 0..<20 where requests.reminderScheduleReads == reads { await Task.yield() }
        await reminders.settle()
        XCTAssertEqual(center.pendingIdentifiers, ["other", dueSoon, overdue], "the case list changed")

        service.onSignOut = { true }
        await model.signOut()
        await reminders.settle()
        XCTAssertEqual(center.pendingIdentifiers, ["other"], "no case code left to fire after sign-out")
    }

    func testWithoutASessionAtStartNoReminderStaysPending() async {
        let service = FakeSessionService()
        service.onRestore = { nil }
        let center = FakeNotificationCenter()
        let left = DeadlineReminderPlan.identifier(for: CaseID("!old:cpts.test"), state: .overdue) ?? ""
        center.seed(PendingNotification(identifier: left, fireDate: Date().addingTimeInterval(600), body: "IM-OLD"))
        center.seed(PendingNotification(identifier: "other", fireDate: nil, body: "x"))
        let reminders = DeadlineReminderScheduler(center: center)
        let model = makeModel(service, reminders: reminders)

        await model.start()
        await reminders.settle()

        XCTAssertEqual(center.pendingIdentifiers, ["other"], "a session wiped while the app was closed")
    }
}
