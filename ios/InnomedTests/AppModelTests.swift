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

    private func makeModel(_ service: FakeSessionService) -> AppModel {
        AppModel(sessionService: service, lock: AppLockViewModel(authenticator: AlwaysYes()),
                 photos: PrivatePhotoStore(directory: Fixtures.temporaryDirectory()),
                 requestPushPermission: {},
                 removeDeliveredNotifications: { [unowned self] in self.notificationsRemoved += 1 })
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
}
