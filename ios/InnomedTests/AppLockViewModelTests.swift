@testable import Innomed
@testable import InnomedServices
import XCTest

private final class FakeAuthenticator: DeviceAuthenticating {
    var available = true
    var answers: [Bool] = []
    private(set) var requests = 0

    func canAuthenticate() -> Bool { available }

    func authenticate(reason: String) async -> Bool {
        requests += 1
        return answers.isEmpty ? false : answers.removeFirst()
    }
}

@MainActor
final class AppLockViewModelTests: XCTestCase {
    private var clock = Fixtures.now

    private func makeLock(_ authenticator: FakeAuthenticator) -> AppLockViewModel {
        AppLockViewModel(authenticator: authenticator, policy: AppLockPolicy(gracePeriod: 60)) { [unowned self] in
            self.clock
        }
    }

    func testLocksOnlyAfterTheGracePeriodInBackground() {
        let lock = makeLock(FakeAuthenticator())
        lock.didEnterBackground()
        clock += 59
        lock.willEnterForeground()
        XCTAssertFalse(lock.isLocked)

        lock.didEnterBackground()
        clock += 60
        lock.willEnterForeground()
        XCTAssertTrue(lock.isLocked)
    }

    func testAFailedAttemptKeepsTheAppLockedUntilSuccess() async {
        let authenticator = FakeAuthenticator()
        authenticator.answers = [false, true]
        let lock = makeLock(authenticator)
        lock.lockNow()

        await lock.unlock()
        XCTAssertTrue(lock.isLocked)
        XCTAssertTrue(lock.lastAttemptFailed)

        await lock.unlock()
        XCTAssertFalse(lock.isLocked)
        XCTAssertEqual(authenticator.requests, 2)
    }

    func testWithoutADevicePasscodeTheAppStaysLocked() async {
        let authenticator = FakeAuthenticator()
        authenticator.available = false
        let lock = makeLock(authenticator)
        lock.lockNow()

        await lock.unlock()

        XCTAssertTrue(lock.isLocked)
        XCTAssertTrue(lock.needsDevicePasscode)
        XCTAssertEqual(authenticator.requests, 0)
    }
}
