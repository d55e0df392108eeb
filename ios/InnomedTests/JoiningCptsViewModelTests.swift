@testable import Innomed
@testable import InnomedServices
import XCTest

/// Joining a CPTS: the doctor asks by space id; the coordinator (only) sees each asker as Pro
/// Santé Connect identified them and approves or refuses. The answers are the core's (scripted here as
/// it would give them).
@MainActor
final class JoiningCptsViewModelTests: XCTestCase {
    private let cpts = JoinFixtures.cpts

    // Asking

    func testAskingNeedsASpaceIDAndSendsItTrimmed() async {
        let directory = JoinFixtures.directory()
        var asked: [CptsID] = []
        directory.onAskToJoin = { asked.append($0) }
        let viewModel = AskToJoinViewModel(directory: directory)
        XCTAssertFalse(viewModel.canAsk)
        viewModel.spaceID = "  "
        XCTAssertFalse(viewModel.canAsk)
        viewModel.spaceID = " !cpts:cpts.test\n"
        XCTAssertTrue(viewModel.canAsk)

        await viewModel.ask()

        XCTAssertEqual(asked, [cpts.id])
        XCTAssertEqual(viewModel.asked, cpts.id, "the screen says the request went to the coordinator")
        XCTAssertEqual(viewModel.spaceID, "")
        XCTAssertNil(viewModel.error)
        XCTAssertFalse(viewModel.isSending)
    }

    func testAnUnknownCptsIsShownAsSuch() async {
        let directory = JoinFixtures.directory()
        directory.onAskToJoin = { _ in throw ServiceError.cptsNotFound }
        let viewModel = AskToJoinViewModel(directory: directory)
        viewModel.spaceID = "!nothing:cpts.test"

        await viewModel.ask()

        XCTAssertEqual(viewModel.error, .cptsNotFound)
        XCTAssertEqual(viewModel.error?.localizationKey, "error.cptsNotFound")
        XCTAssertNil(viewModel.asked)
        XCTAssertEqual(viewModel.spaceID, "!nothing:cpts.test", "kept, to correct it")
    }

    // The coordinator's list

    func testTheListShowsWhatProSanteConnectSaidOfEachAsker() async {
        let directory = JoinFixtures.directory()
        var readFrom: [CptsID] = []
        let waiting = [JoinRequest(userID: JoinFixtures.asker, identity: JoinFixtures.identity),
                       JoinRequest(userID: JoinFixtures.stranger, identity: nil)]
        directory.onJoinRequests = { id in
            readFrom.append(id)
            return waiting
        }
        let viewModel = JoinRequestsViewModel(directory: directory, cpts: cpts)
        XCTAssertFalse(viewModel.loaded)

        await viewModel.load()

        XCTAssertEqual(readFrom, [cpts.id])
        XCTAssertTrue(viewModel.isCoordinator)
        XCTAssertTrue(viewModel.loaded)
        XCTAssertEqual(viewModel.requests.map(\.userID), [JoinFixtures.asker, JoinFixtures.stranger])
        XCTAssertEqual(viewModel.requests.first?.identity?.displayName, "Inès Benali")
        XCTAssertEqual(viewModel.requests.first?.identity?.nationalID, "810001234567")
        XCTAssertEqual(viewModel.requests.first?.identity?.profession, .physician)
        XCTAssertNil(viewModel.requests.last?.identity, "an account without PSC identity is listed as such")
    }

    func testAMemberWhoDoesNotCoordinateSeesNoRequestAndAsksTheCoreForNone() async {
        let directory = JoinFixtures.directory(coordinator: false)
        var askedOf: [CptsID] = []
        directory.onIsCoordinator = { id in
            askedOf.append(id)
            return false
        }
        // `onJoinRequests` stays unstubbed: reading the list would fail the test.
        let viewModel = JoinRequestsViewModel(directory: directory, cpts: cpts)

        await viewModel.load()

        XCTAssertEqual(askedOf, [cpts.id])
        XCTAssertFalse(viewModel.isCoordinator)
        XCTAssertTrue(viewModel.loaded)
        XCTAssertTrue(viewModel.requests.isEmpty)
        XCTAssertNil(viewModel.error)
    }

    func testApprovingSendsTheChosenSpecialtiesInTheListsOrderThenReadsTheListAgain() async {
        let directory = JoinFixtures.directory()
        let request = JoinRequest(userID: JoinFixtures.asker, identity: JoinFixtures.identity)
        var waiting = [request]
        var reads = 0
        directory.onJoinRequests = { _ in
            reads += 1
            return waiting
        }
        var sent: (UserID, CptsID, [String], Bool)?
        directory.onApprove = { user, id, specialties, retired in
            sent = (user, id, specialties, retired)
            waiting = []
            return JoinFixtures.entry(specialties: specialties, retired: retired)
        }
        let viewModel = JoinRequestsViewModel(directory: directory, cpts: cpts)
        await viewModel.load()

        viewModel.startApproving(request)
        XCTAssertEqual(viewModel.approving, request)
        XCTAssertTrue(viewModel.chosenSpecialties.isEmpty)
        viewModel.toggle(directory.options[2])
        viewModel.toggle(directory.options[0])
        viewModel.toggle(directory.options[1])
        viewModel.toggle(directory.options[1])
        viewModel.retired = true
        await viewModel.confirmApproval()

        XCTAssertEqual(sent?.0, JoinFixtures.asker)
        XCTAssertEqual(sent?.1, cpts.id)
        XCTAssertEqual(sent?.2, ["cardiology", "general_practice"])
        XCTAssertEqual(sent?.3, true)
        XCTAssertEqual(viewModel.approved,
                       JoinFixtures.entry(specialties: ["cardiology", "general_practice"], retired: true))
        XCTAssertNil(viewModel.approving, "the sheet closes")
        XCTAssertNil(viewModel.answering)
        XCTAssertEqual(reads, 2, "the list is the core's again after the answer")
        XCTAssertTrue(viewModel.requests.isEmpty)
    }

    func testAnAskerWithoutVerifiedIdentityIsExplainedAndTheSheetStays() async {
        let directory = JoinFixtures.directory()
        var reads = 0
        let request = JoinRequest(userID: JoinFixtures.asker, identity: JoinFixtures.identity)
        directory.onJoinRequests = { _ in
            reads += 1
            return [request]
        }
        directory.onApprove = { _, _, _, _ in throw ServiceError.noVerifiedIdentity }
        let viewModel = JoinRequestsViewModel(directory: directory, cpts: cpts)
        await viewModel.load()

        viewModel.startApproving(request)
        viewModel.toggle(directory.options[0])
        await viewModel.confirmApproval()

        XCTAssertEqual(viewModel.error, .noVerifiedIdentity)
        XCTAssertEqual(viewModel.error?.localizationKey, "error.noVerifiedIdentity")
        XCTAssertEqual(viewModel.approving, request, "the coordinator reads why in the sheet")
        XCTAssertNil(viewModel.approved)
        XCTAssertNil(viewModel.answering)
        XCTAssertEqual(reads, 1)
    }

    func testAnAskerOutsideTheNetworkIsExplainedAndTheSheetStays() async {
        let directory = JoinFixtures.directory()
        let request = JoinRequest(userID: JoinFixtures.asker, identity: JoinFixtures.identity)
        directory.onJoinRequests = { _ in [request] }
        directory.onApprove = { _, _, _, _ in throw ServiceError.outsideNetwork }
        let viewModel = JoinRequestsViewModel(directory: directory, cpts: cpts)
        await viewModel.load()

        viewModel.startApproving(request)
        viewModel.toggle(directory.options[0])
        await viewModel.confirmApproval()

        XCTAssertEqual(viewModel.error, .outsideNetwork)
        XCTAssertEqual(viewModel.error?.localizationKey, "error.outsideNetwork")
        XCTAssertEqual(viewModel.approving, request, "the coordinator reads why in the sheet")
        XCTAssertNil(viewModel.approved)
    }

    func testStartingAnotherApprovalForgetsThePreviousChoices() {
        let directory = JoinFixtures.directory()
        let viewModel = JoinRequestsViewModel(directory: directory, cpts: cpts)
        viewModel.startApproving(JoinRequest(userID: JoinFixtures.asker, identity: JoinFixtures.identity))
        viewModel.toggle(directory.options[0])
        viewModel.retired = true
        viewModel.approving = nil

        viewModel.startApproving(JoinRequest(userID: JoinFixtures.stranger, identity: JoinFixtures.identity))

        XCTAssertTrue(viewModel.chosenSpecialties.isEmpty)
        XCTAssertFalse(viewModel.retired)
    }

    func testRefusingCallsTheCoreThenReadsTheListAgain() async {
        let directory = JoinFixtures.directory()
        let request = JoinRequest(userID: JoinFixtures.stranger, identity: nil)
        var waiting = [request]
        directory.onJoinRequests = { _ in waiting }
        var refused: [(UserID, CptsID)] = []
        directory.onRefuse = { user, id in
            refused.append((user, id))
            waiting = []
        }
        let viewModel = JoinRequestsViewModel(directory: directory, cpts: cpts)
        await viewModel.load()

        await viewModel.refuse(request)

        XCTAssertEqual(refused.map { $0.0 }, [JoinFixtures.stranger])
        XCTAssertEqual(refused.map { $0.1 }, [cpts.id])
        XCTAssertTrue(viewModel.requests.isEmpty)
        XCTAssertNil(viewModel.error)
    }

    func testAnAnswerTheHomeserverRefusesIsToldAsTheCoreSays() async {
        let directory = JoinFixtures.directory()
        let request = JoinRequest(userID: JoinFixtures.stranger, identity: nil)
        directory.onJoinRequests = { _ in [request] }
        directory.onRefuse = { _, _ in throw ServiceError.coordinatorOnly }
        let viewModel = JoinRequestsViewModel(directory: directory, cpts: cpts)
        await viewModel.load()

        await viewModel.refuse(request)

        XCTAssertEqual(viewModel.error, .coordinatorOnly)
        XCTAssertEqual(viewModel.error?.localizationKey, "error.coordinatorOnly")
        XCTAssertEqual(viewModel.requests, [request], "nothing changed")
        XCTAssertNil(viewModel.answering)
    }
}

private enum JoinFixtures {
    static let cpts = Cpts(id: CptsID("!cpts:cpts.test"), name: "CPTS Test", isJoined: true)
    static let asker = UserID("@a1b2c3:cpts.test")
    static let stranger = UserID("@z9y8x7:cpts.test")
    static let identity = PscIdentity(nationalID: "810001234567", givenName: "Inès", familyName: "Benali",
                                      profession: .physician, professionCode: "10", specialtyCode: "SM26")

    static func entry(specialties: [String], retired: Bool) -> MemberEntry {
        MemberEntry(userID: asker, displayName: "Inès Benali", profession: .physician, specialties: specialties,
                    rpps: "10001234567", retired: retired)
    }

    /// Three specialties, in the core's list order; the core says whether this doctor
    /// coordinates the CPTS.
    static func directory(coordinator: Bool = true) -> FakeDirectoryService {
        let directory = FakeDirectoryService()
        directory.onIsCoordinator = { _ in coordinator }
        directory.options = [
            Specialty(code: "cardiology", labelFr: "Cardiologie", labelEn: "Cardiology"),
            Specialty(code: "dermatology", labelFr: "Dermatologie", labelEn: "Dermatology"),
            Specialty(code: "general_practice", labelFr: "Médecine générale", labelEn: "General practice"),
        ]
        return directory
    }
}
