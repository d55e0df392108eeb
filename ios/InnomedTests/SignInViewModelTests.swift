@testable import Innomed
@testable import InnomedServices
import XCTest

@MainActor
final class SignInViewModelTests: XCTestCase {
    func testSignInNeedsAServerAFullUserIDAndAPassword() {
        let viewModel = SignInViewModel(service: FakeSessionService()) { _ in }
        XCTAssertFalse(viewModel.canSignIn)
        viewModel.homeserver = "https://cpts.test"
        viewModel.userID = "dr.martin"
        viewModel.password = "secret"
        XCTAssertFalse(viewModel.canSignIn, "a user id without server is refused before any call")
        viewModel.userID = " @dr.martin:cpts.test "
        XCTAssertTrue(viewModel.canSignIn)
    }

    func testSuccessHandsTheSessionOverAndForgetsThePassword() async {
        let service = FakeSessionService()
        var received: (String, String, String)?
        service.onSignIn = { server, user, password in
            received = (server, user, password)
            return Fixtures.session()
        }
        var signedIn: UserSession?
        let viewModel = SignInViewModel(service: service) { signedIn = $0 }
        viewModel.homeserver = "https://cpts.test"
        viewModel.userID = "@dr.martin:cpts.test "
        viewModel.password = "secret"

        await viewModel.signIn()

        XCTAssertEqual(received?.0, "https://cpts.test")
        XCTAssertEqual(received?.1, "@dr.martin:cpts.test")
        XCTAssertEqual(signedIn?.account.userID, Fixtures.gp)
        XCTAssertEqual(viewModel.password, "")
        XCTAssertNil(viewModel.error)
        XCTAssertFalse(viewModel.isSigningIn)
    }

    func testAWrongPasswordIsShownAsSuch() async {
        let service = FakeSessionService()
        service.onSignIn = { _, _, _ in throw ServiceError.wrongCredentials }
        var signedIn = false
        let viewModel = SignInViewModel(service: service) { _ in signedIn = true }
        viewModel.homeserver = "https://cpts.test"
        viewModel.userID = "@dr.martin:cpts.test"
        viewModel.password = "wrong"

        await viewModel.signIn()

        XCTAssertEqual(viewModel.error, .wrongCredentials)
        XCTAssertEqual(viewModel.error?.localizationKey, "error.wrongCredentials")
        XCTAssertFalse(signedIn)
    }
}
