@testable import Innomed
@testable import InnomedServices
import XCTest

/// "Vérifier (émojis)" from a case's members: who is offered it (`CaseMemberLine.canVerify`, the
/// core's trust level), the members read again on return, and the colleague's devices named as
/// the case names them (`DevicesViewModel.name`).
@MainActor
final class MemberVerificationViewModelTests: XCTestCase {
    private let caseID = CaseID("!case:cpts.test")

    private func line(_ user: UserID, _ membership: Membership = .joined, trust: TrustLevel,
                      unvouched: Unvouched? = nil) -> CaseMemberLine {
        CaseMemberLine(member: CaseMember(user: user, membership: membership, displayName: "Dr \(user.localPart)",
                                          trust: trust),
                       unvouched: unvouched)
    }

    func testAJoinedColleagueNotVerifiedByTheDoctorIsOfferedTheEmojis() {
        let colleague = UserID("@dr.petit:cpts.test")
        XCTAssertFalse(line(Fixtures.gp, trust: .verified).canVerify, "the core gives the doctor themself as verified")
        XCTAssertFalse(line(colleague, trust: .verified).canVerify, "verified already")
        XCTAssertTrue(line(colleague, trust: .attested).canVerify, "attested by the CPTS is not verified by the doctor")
        XCTAssertTrue(line(colleague, trust: .unverified).canVerify)
        XCTAssertTrue(line(colleague, trust: .changed).canVerify, "a changed identity is verified again")
        XCTAssertTrue(line(colleague, trust: TrustLevel.none).canVerify)
        XCTAssertTrue(line(colleague, trust: TrustLevel.none, unvouched: .noCrossSigning).canVerify,
                      "the core decides whether the emojis can run, not the app")
        XCTAssertFalse(line(colleague, .invited, trust: .unverified).canVerify, "invited: not in the case yet")
        XCTAssertFalse(line(colleague, .left, trust: .unverified).canVerify)
    }

    func testTheMembersSheetFollowsTheCoresTrustAndReadsItAgainOnReturn() async {
        let me = CaseMember(user: Fixtures.gp, membership: .joined, displayName: "Dr Paul Martin", trust: .verified)
        let colleague = CaseMember(user: Fixtures.dermatologist, membership: .joined,
                                   displayName: "Dr Samira Benali", trust: .unverified)
        let verified = CaseMember(user: Fixtures.dermatologist, membership: .joined,
                                  displayName: "Dr Samira Benali", trust: .verified)
        let conversation = FakeConversationService()
        conversation.entryUpdates = [[Fixtures.message("$a", body: .text("Bonjour"))]]
        let cases = FakeCaseService()
        cases.onUnvouched = { _ in [] }
        cases.onMembers = { _ in [me, colleague] }
        cases.conversations[caseID] = conversation
        let viewModel = CaseViewModel(cases: cases, caseID: caseID,
                                      photos: PrivatePhotoStore(directory: Fixtures.temporaryDirectory()))

        await viewModel.load()
        for _ in 0..<100 where viewModel.members.isEmpty { await Task.yield() }
        XCTAssertEqual(viewModel.memberLines.map(\.canVerify), [false, true])

        cases.onMembers = { _ in [me, verified] }
        viewModel.refreshMembers()
        for _ in 0..<100 where viewModel.members.last?.trust != .verified { await Task.yield() }

        XCTAssertEqual(cases.memberReads, 2, "once when shown, once back from the colleague's devices")
        XCTAssertEqual(viewModel.memberLines.map(\.canVerify), [false, false])
    }

    func testAColleaguesDevicesAreNamedAsTheCaseNamesThemWithTheIDBelow() {
        let trust = FakeTrustService()
        let user = Fixtures.dermatologist
        XCTAssertEqual(DevicesViewModel(trust: trust, user: user, displayName: " Dr Samira Benali ").name,
                       "Dr Samira Benali")
        XCTAssertNil(DevicesViewModel(trust: trust, user: user, displayName: user.rawValue).name,
                     "the id is not shown twice")
        XCTAssertNil(DevicesViewModel(trust: trust, user: user, displayName: "  ").name)
        XCTAssertNil(DevicesViewModel(trust: trust, user: user).name, "the directory and settings give no name")
    }
}
