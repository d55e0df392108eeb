@testable import Innomed
@testable import InnomedServices
import XCTest

@MainActor
final class SignInViewModelTests: XCTestCase {
    func testSignInNeedsAServerAFullUserIDAndAPassword() {
        let viewModel = SignInViewModel(service: FakeSessionService(), webAuthenticator: FakeWebAuthenticator()) { _ in }
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
        let viewModel = SignInViewModel(service: service, webAuthenticator: FakeWebAuthenticator()) { signedIn = $0 }
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
        let viewModel = SignInViewModel(service: service, webAuthenticator: FakeWebAuthenticator()) { _ in signedIn = true }
        viewModel.homeserver = "https://cpts.test"
        viewModel.userID = "@dr.martin:cpts.test"
        viewModel.password = "wrong"

        await viewModel.signIn()

        XCTAssertEqual(viewModel.error, .wrongCredentials)
        XCTAssertEqual(viewModel.error?.localizationKey, "error.wrongCredentials")
        XCTAssertFalse(signedIn)
    }

    // Pro Santé Connect

    func testProSanteConnectNeedsOnlyTheServer() {
        let viewModel = SignInViewModel(service: FakeSessionService(), webAuthenticator: FakeWebAuthenticator()) { _ in }
        XCTAssertFalse(viewModel.canSignInWithPsc, "no server yet")
        viewModel.homeserver = " https://cpts.test "
        XCTAssertTrue(viewModel.canSignInWithPsc)
        XCTAssertFalse(viewModel.canSignIn, "the password form still needs its fields")
    }

    func testProSanteConnectOpensThePagePrivatelyAndHandsItsReturnToTheCore() async {
        let service = FakeSessionService()
        let web = FakeWebAuthenticator()
        var server: String?
        var returned: URL?
        let page = PscSignInPage(url: PscFixtures.page) { callback in
            returned = callback
            return Fixtures.session()
        }
        service.onStartPsc = { homeserver in
            server = homeserver
            return page
        }
        web.onOpen = { _, _ in PscFixtures.callback }
        var signedIn: UserSession?
        let viewModel = SignInViewModel(service: service, webAuthenticator: web) { signedIn = $0 }
        viewModel.homeserver = "https://cpts.test "

        await viewModel.signInWithPsc()

        XCTAssertEqual(server, "https://cpts.test")
        XCTAssertEqual(web.opened.map { $0.url }, [PscFixtures.page])
        XCTAssertEqual(web.opened.map { $0.callbackScheme }, ["fr.innomed.app"])
        XCTAssertEqual(ProSanteConnect.redirectURL, "fr.innomed.app:/psc")
        XCTAssertEqual(returned, PscFixtures.callback, "the page's return goes to the core as it came")
        XCTAssertEqual(signedIn?.account.userID, Fixtures.gp)
        XCTAssertNil(viewModel.error)
        XCTAssertFalse(viewModel.isSigningIn)
    }

    func testAClosedPageReadsAsARefusedSignIn() async {
        let service = FakeSessionService()
        let web = FakeWebAuthenticator()
        let page = PscFixtures.unfinishedPage()
        service.onStartPsc = { _ in page }
        web.onOpen = { _, _ in throw WebAuthenticationError.cancelled }
        var signedIn = false
        let viewModel = SignInViewModel(service: service, webAuthenticator: web) { _ in signedIn = true }
        viewModel.homeserver = "https://cpts.test"

        await viewModel.signInWithPsc()

        XCTAssertEqual(viewModel.error, .signInRefused)
        XCTAssertEqual(viewModel.error?.localizationKey, "error.signInRefused")
        XCTAssertFalse(signedIn)
        XCTAssertFalse(viewModel.isSigningIn)
        XCTAssertTrue(viewModel.canSignInWithPsc, "the doctor can try again")
    }

    func testATokenTheCoreRefusesIsShownLikeAClosedPage() async {
        let service = FakeSessionService()
        let web = FakeWebAuthenticator()
        let page = PscSignInPage(url: PscFixtures.page) { _ in throw ServiceError.signInRefused }
        service.onStartPsc = { _ in page }
        web.onOpen = { _, _ in PscFixtures.callback }
        var signedIn = false
        let viewModel = SignInViewModel(service: service, webAuthenticator: web) { _ in signedIn = true }
        viewModel.homeserver = "https://cpts.test"

        await viewModel.signInWithPsc()

        XCTAssertEqual(viewModel.error, .signInRefused)
        XCTAssertFalse(signedIn)
    }

    func testAServerWithoutProSanteConnectSaysSoAndOpensNoPage() async {
        let service = FakeSessionService()
        let web = FakeWebAuthenticator()
        service.onStartPsc = { _ in throw ServiceError.proSanteConnectUnavailable }
        let viewModel = SignInViewModel(service: service, webAuthenticator: web) { _ in }
        viewModel.homeserver = "https://cpts.test"

        await viewModel.signInWithPsc()

        XCTAssertEqual(viewModel.error, .proSanteConnectUnavailable)
        XCTAssertEqual(viewModel.error?.localizationKey, "error.proSanteConnectUnavailable")
        XCTAssertTrue(web.opened.isEmpty)
    }

    func testAPageTheSystemCannotShowIsAnUnexpectedError() async {
        let service = FakeSessionService()
        let web = FakeWebAuthenticator()
        let page = PscFixtures.unfinishedPage()
        service.onStartPsc = { _ in page }
        web.onOpen = { _, _ in throw WebAuthenticationError.failed }
        let viewModel = SignInViewModel(service: service, webAuthenticator: web) { _ in }
        viewModel.homeserver = "https://cpts.test"

        await viewModel.signInWithPsc()

        XCTAssertEqual(viewModel.error, .internalFailure)
    }
}

private enum PscFixtures {
    static let page = URL(string: "https://cpts.test/_matrix/client/v3/login/sso/redirect/oidc-psc")!
    static let callback = URL(string: "fr.innomed.app:/psc?loginToken=one-time")!

    /// A page whose return must not reach the core.
    static func unfinishedPage() -> PscSignInPage {
        PscSignInPage(url: page) { _ in try unstubbed("finish") }
    }
}
