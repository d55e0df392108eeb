@testable import Innomed
@testable import InnomedServices
import UserNotifications
import XCTest

private final class AlwaysYes: DeviceAuthenticating {
    func canAuthenticate() -> Bool { true }
    func authenticate(reason: String) async -> Bool { true }
}

/// A tapped notification opens its case once the session is ready and the lock passed, once,
/// and only when it is a case of this account; a coordinator's unanswered request (its room id
/// is the CPTS space's) opens that CPTS's unanswered requests.
@MainActor
final class NotificationRoutingTests: XCTestCase {
    private let tappedCase = CaseID("!case1:cpts.test")
    private var clock = Fixtures.now
    private var notificationsRemoved = 0

    private func makeModel(_ service: FakeSessionService) -> AppModel {
        let lock = AppLockViewModel(authenticator: AlwaysYes(), policy: AppLockPolicy(gracePeriod: 60)) { [unowned self] in
            self.clock
        }
        return AppModel(sessionService: service, lock: lock,
                        photos: PrivatePhotoStore(directory: Fixtures.temporaryDirectory()),
                        requestPushPermission: {},
                        removeDeliveredNotifications: { [unowned self] in self.notificationsRemoved += 1 },
                        reminders: DeadlineReminderScheduler(center: FakeNotificationCenter()))
    }

    private func fakeCases(_ memberships: [CaseID: Membership]) -> FakeCaseService {
        let cases = FakeCaseService()
        cases.memberships = memberships
        return cases
    }

    private func signedInModel(_ memberships: [CaseID: Membership]) async -> AppModel {
        let model = makeModel(FakeSessionService())
        await model.signedIn(Fixtures.session(cases: fakeCases(memberships)))
        return model
    }

    func testColdStartOpensTheCaseOnlyAfterUnlockAndOnlyOnce() async {
        let service = FakeSessionService()
        let cases = fakeCases([tappedCase: .joined])
        service.onRestore = { Fixtures.session(cases: cases) }
        let model = makeModel(service)

        model.notificationTapped(roomID: tappedCase.rawValue)   // before the session is restored
        await model.start()
        XCTAssertTrue(model.lock.isLocked)
        XCTAssertNil(model.destination, "nothing opens behind the lock")

        await model.lock.unlock()
        XCTAssertEqual(model.destination, .conversation(tappedCase))

        model.destinationShown()
        model.lock.didEnterBackground()
        clock += 120
        model.lock.willEnterForeground()
        await model.lock.unlock()
        XCTAssertNil(model.destination, "consumed once")
    }

    func testInTheForegroundAndUnlockedTheCaseOpensAtOnce() async {
        let model = await signedInModel([tappedCase: .joined])
        model.notificationTapped(roomID: tappedCase.rawValue)
        XCTAssertEqual(model.destination, .conversation(tappedCase))
    }

    func testFromTheBackgroundTheLockIsDecidedFirst() async {
        let model = await signedInModel([tappedCase: .joined])
        model.lock.didEnterBackground()
        clock += 120
        model.notificationTapped(roomID: tappedCase.rawValue)   // delivered before the app is active
        XCTAssertNil(model.destination)

        model.lock.willEnterForeground()
        XCTAssertTrue(model.lock.isLocked)
        XCTAssertNil(model.destination)

        await model.lock.unlock()
        XCTAssertEqual(model.destination, .conversation(tappedCase))
    }

    func testBackWithinTheGracePeriodTheCaseOpensOnReturn() async {
        let model = await signedInModel([tappedCase: .joined])
        model.lock.didEnterBackground()
        clock += 10
        model.notificationTapped(roomID: tappedCase.rawValue)
        XCTAssertNil(model.destination)

        model.lock.willEnterForeground()
        XCTAssertFalse(model.lock.isLocked)
        XCTAssertEqual(model.destination, .conversation(tappedCase))
    }

    func testACaseThisAccountDoesNotHaveIsIgnoredAndForgotten() async {
        let model = await signedInModel([:])
        model.lock.lockNow()
        model.notificationTapped(roomID: "!elsewhere:other.test")
        await model.lock.unlock()
        XCTAssertNil(model.destination)

        model.lock.lockNow()
        await model.lock.unlock()
        XCTAssertNil(model.destination)
    }

    func testALeftCaseIsIgnoredAndAnInvitationShowsTheList() async {
        let invitation = CaseID("!invite:cpts.test")
        let model = await signedInModel([tappedCase: .left, invitation: .invited])
        model.notificationTapped(roomID: tappedCase.rawValue)
        XCTAssertNil(model.destination)

        model.notificationTapped(roomID: invitation.rawValue)
        XCTAssertEqual(model.destination, .invitations)
    }

    func testTheRecoveryStepComesFirst() async {
        let service = FakeSessionService()
        let trust = FakeTrustService()
        trust.recovery = .incomplete
        let cases = fakeCases([tappedCase: .joined])
        service.onRestore = { Fixtures.session(cases: cases, trust: trust) }
        let model = makeModel(service)
        await model.start()
        model.notificationTapped(roomID: tappedCase.rawValue)
        await model.lock.unlock()
        XCTAssertNil(model.destination)

        model.recoveryFinished()
        XCTAssertEqual(model.destination, .conversation(tappedCase))
    }

    func testSignedOutATapIsIgnoredAndSignOutForgetsAPendingOne() async {
        let service = FakeSessionService()
        service.onRestore = { nil }
        let model = makeModel(service)
        await model.start()
        model.notificationTapped(roomID: tappedCase.rawValue)
        await model.signedIn(Fixtures.session(cases: fakeCases([tappedCase: .joined])))
        XCTAssertNil(model.destination)

        model.lock.lockNow()
        model.notificationTapped(roomID: tappedCase.rawValue)
        service.onSignOut = { true }
        XCTAssertEqual(notificationsRemoved, 0)
        await model.signOut()
        XCTAssertEqual(notificationsRemoved, 1, "delivered notifications leave with the session")
        await model.signedIn(Fixtures.session(cases: fakeCases([tappedCase: .joined])))
        model.lock.lockNow()
        await model.lock.unlock()
        XCTAssertNil(model.destination)
    }

    func testARouteKeepsTheLastValidRoomID() {
        var route = CaseRoute()
        route.tapped(roomID: tappedCase.rawValue)
        route.tapped(roomID: "not a room")
        route.tapped(roomID: "")
        route.tapped(roomID: "!")
        XCTAssertEqual(route.pending, tappedCase)

        route.tapped(roomID: "!case2:cpts.test")
        XCTAssertEqual(route.pending, CaseID("!case2:cpts.test"))
        XCTAssertNil(route.take(ready: false, cases: fakeCases([:]), directory: FakeDirectoryService()))
        XCTAssertNotNil(route.pending, "kept until ready")
    }

    func testInTheForegroundOnlyTheExtensionsLineIsShown() {
        let withLine: [AnyHashable: Any] = ["room_id": tappedCase.rawValue, "event_id": "$e", "has_line": true]
        let placeholder: [AnyHashable: Any] = ["room_id": tappedCase.rawValue, "event_id": "$e"]
        XCTAssertEqual(NotificationCenterDelegate.presentation(userInfo: withLine), [.banner, .list, .sound])
        XCTAssertEqual(NotificationCenterDelegate.presentation(userInfo: placeholder), [])
        XCTAssertEqual(NotificationPayload.room(in: placeholder), tappedCase.rawValue)
        XCTAssertNil(NotificationPayload.room(in: [:]))
    }

    func testATappedDeadlineReminderOpensItsCaseAsATappedPushDoes() async {
        let model = await signedInModel([tappedCase: .joined])
        let reminder = ReminderNotification(
            identifier: DeadlineReminderPlan.identifier(for: tappedCase, state: .overdue) ?? "",
            caseID: tappedCase, fireDate: Fixtures.now, body: "Échéance dépassée : IM-case1")
        let userInfo = SystemNotificationCenter.request(for: reminder).content.userInfo

        model.notificationTapped(roomID: NotificationPayload.room(in: userInfo) ?? "")

        XCTAssertEqual(model.destination, .conversation(tappedCase))
    }

    func testACoordinatorsUnansweredRequestOpensTheCptsUnansweredRequestsAfterUnlock() async {
        let space = Cpts(id: CptsID("!cpts:cpts.test"), name: "CPTS Val d'Essai", isJoined: true)
        let directory = FakeDirectoryService()
        directory.cptsSpaces = [Cpts(id: CptsID("!other:cpts.test"), name: "Autre", isJoined: true), space]
        let model = makeModel(FakeSessionService())
        await model.signedIn(Fixtures.session(cases: fakeCases([tappedCase: .joined]), directory: directory))
        model.lock.lockNow()
        // The extension's line or its placeholder (phone locked): the same room id, the space's.
        let pushed: [AnyHashable: Any] = ["room_id": space.id.rawValue, "event_id": "$alert"]

        model.notificationTapped(roomID: NotificationPayload.room(in: pushed) ?? "")
        XCTAssertNil(model.destination, "nothing opens behind the lock")

        await model.lock.unlock()
        XCTAssertEqual(model.destination, .unanswered(space))

        model.destinationShown()
        model.notificationTapped(roomID: tappedCase.rawValue)
        XCTAssertEqual(model.destination, .conversation(tappedCase), "a case's notification still opens its case")
    }

    func testASpaceNotJoinedIsNotACoordinatorsAlert() async {
        let directory = FakeDirectoryService()
        directory.cptsSpaces = [Cpts(id: CptsID("!invited:cpts.test"), name: "CPTS", isJoined: false)]
        let model = makeModel(FakeSessionService())
        await model.signedIn(Fixtures.session(cases: fakeCases([:]), directory: directory))
        model.notificationTapped(roomID: "!invited:cpts.test")
        XCTAssertNil(model.destination)
    }
}
