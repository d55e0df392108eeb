@testable import Innomed
@testable import InnomedServices
import XCTest

/// The coordinator opens a care team with professionals picked from the directory; whether it
/// holds is the core's answer (scripted here as it would give it), shown with what was typed and
/// picked kept. Only the coordinator (as the core says) is offered a care team.
@MainActor
final class CareTeamViewModelTests: XCTestCase {
    private let cpts = TeamFixtures.cpts
    private let nurse = TeamFixtures.nurse
    private let pharmacist = TeamFixtures.pharmacist
    private let benali = TeamFixtures.benali

    private func fillHeader(_ viewModel: CareTeamViewModel) {
        viewModel.draft.patientLabel = " R.T. "
        viewModel.draft.ageBand = .elderly
        viewModel.draft.sex = .male
        viewModel.draft.reason = "Retour à domicile après AVC, plaie du talon"
        viewModel.draft.question = "Coordonner soins infirmiers, pansements et traitement anticoagulant "
        viewModel.draft.photoConsent = true
    }

    func testTheDirectoryIsOfferedInFrenchOrderWithoutTheDoctorOpeningTheTeam() async {
        let (viewModel, _, directory) = TeamFixtures.viewModel()

        await viewModel.search(pausing: false)

        XCTAssertEqual(viewModel.results, [benali, nurse, pharmacist],
                       "Élodie before Eric; the coordinator is not offered")
        XCTAssertEqual(directory.searches.map { $0.0 }, [cpts.id], "the team's CPTS")
        XCTAssertEqual(directory.searches.map { $0.1 }, [nil], "every specialty and profession")
        XCTAssertEqual(directory.searches.map { $0.2 }, [nil], "no name yet: the whole directory")
        XCTAssertFalse(viewModel.isSearching)
        XCTAssertNil(viewModel.searchError)
    }

    func testTheCareTeamOpensOnceWithTheHeaderAndTheMembersInTheOrderPicked() async {
        let (viewModel, requests, _) = TeamFixtures.viewModel()
        fillHeader(viewModel)
        viewModel.toggle(nurse)
        viewModel.toggle(benali)
        viewModel.toggle(pharmacist)
        viewModel.toggle(benali)
        XCTAssertEqual(viewModel.members, [nurse, pharmacist], "a second tap takes one off")
        XCTAssertTrue(viewModel.isPicked(nurse))
        XCTAssertFalse(viewModel.isPicked(benali))
        XCTAssertTrue(viewModel.canSubmit)
        requests.onOpenCareTeam = { _, _, _ in
            XCTAssertTrue(viewModel.isSubmitting)
            XCTAssertFalse(viewModel.canSubmit, "one team per tap")
            return TeamFixtures.room
        }

        await viewModel.submit()
        await viewModel.submit()

        XCTAssertEqual(requests.careTeams.count, 1, "once")
        let header = CaseHeader(patientLabel: "R.T.", ageBand: .elderly, sex: .male,
                                reason: "Retour à domicile après AVC, plaie du talon",
                                question: "Coordonner soins infirmiers, pansements et traitement anticoagulant",
                                photoConsent: true)
        XCTAssertEqual(requests.careTeams.first?.0, header, "the texts trimmed")
        XCTAssertEqual(requests.careTeams.first?.1, [nurse.userID, pharmacist.userID])
        XCTAssertEqual(requests.careTeams.first?.2, cpts.id)
        XCTAssertEqual(viewModel.created, TeamFixtures.room, "the app opens the team's case")
        XCTAssertFalse(viewModel.isSubmitting)
        XCTAssertNil(viewModel.error)
        XCTAssertFalse(viewModel.canSubmit, "one team per form")

        viewModel.toggle(benali)
        XCTAssertEqual(viewModel.members, [nurse, pharmacist], "the team is open: nothing more to pick")
    }

    func testEmptyFieldsKeepTheButtonOffAndSendNothing() async {
        // `onOpenCareTeam` stays unstubbed: sending would fail the test.
        let (viewModel, requests, _) = TeamFixtures.viewModel()
        XCTAssertFalse(viewModel.canSubmit)
        viewModel.draft.patientLabel = "R.T."
        viewModel.draft.ageBand = .elderly
        viewModel.draft.question = "Suivi de plaie"
        XCTAssertFalse(viewModel.canSubmit, "no member yet")
        await viewModel.submit()

        viewModel.toggle(nurse)
        XCTAssertTrue(viewModel.canSubmit)
        viewModel.draft.question = "  "
        XCTAssertFalse(viewModel.canSubmit, "no question")
        await viewModel.submit()
        viewModel.draft.question = "Suivi de plaie"
        viewModel.draft.ageBand = nil
        XCTAssertFalse(viewModel.canSubmit, "no age band chosen")
        await viewModel.submit()

        XCTAssertTrue(requests.careTeams.isEmpty)
        XCTAssertNil(viewModel.created)
    }

    func testTheCoresRefusalIsSaidAndNothingTypedOrPickedIsLost() async {
        let (viewModel, requests, _) = TeamFixtures.viewModel()
        requests.onOpenCareTeam = { _, _, _ in throw ServiceError.notInDirectory }
        fillHeader(viewModel)
        viewModel.toggle(nurse)

        await viewModel.submit()

        XCTAssertEqual(viewModel.error, .notInDirectory)
        XCTAssertEqual(viewModel.errorKey, "careTeam.notInDirectory", "a member picked left the directory")
        XCTAssertEqual(viewModel.draft.patientLabel, " R.T. ", "as typed")
        XCTAssertEqual(viewModel.members, [nurse])
        XCTAssertNil(viewModel.created)
        XCTAssertFalse(viewModel.isSubmitting)
        XCTAssertTrue(viewModel.canSubmit, "tried again as it is")

        requests.onOpenCareTeam = { _, _, _ in throw ServiceError.invalidHeader(.textTooLong) }
        await viewModel.submit()
        XCTAssertEqual(viewModel.error, .invalidHeader(.textTooLong))
        XCTAssertEqual(viewModel.errorKey, "error.invalidHeader.textTooLong", "the core's own words")
        XCTAssertEqual(requests.careTeams.count, 2)

        viewModel.draft.reason = "Plaie du talon"
        XCTAssertNil(viewModel.error, "editing clears it")
        XCTAssertNil(viewModel.errorKey)
    }

    func testSearchingByNameKeepsTheMembersPickedAndAFailureIsSaid() async {
        let (viewModel, _, directory) = TeamFixtures.viewModel()
        viewModel.toggle(nurse)
        viewModel.query = "  aub "

        await viewModel.search()

        XCTAssertEqual(directory.searches.map { $0.2 }, ["aub"], "the name trimmed")
        XCTAssertEqual(viewModel.results, [pharmacist])
        XCTAssertEqual(viewModel.members, [nurse])

        directory.onSearch = { _, _, _ in throw ServiceError.homeserverUnreachable }
        await viewModel.search(pausing: false)
        XCTAssertEqual(viewModel.searchError, .homeserverUnreachable)
        XCTAssertEqual(viewModel.members, [nurse], "what was picked stays")
        XCTAssertNil(viewModel.error, "not a refusal of the team")

        directory.onSearch = { _, _, _ in [TeamFixtures.pharmacist] }
        await viewModel.search(pausing: false)
        XCTAssertNil(viewModel.searchError, "a retry clears it")
        XCTAssertEqual(viewModel.results, [pharmacist])
    }

    func testOnlyTheCoordinatorOfAJoinedCptsIsOfferedACareTeam() async {
        let invited = Cpts(id: CptsID("!other:cpts.test"), name: "CPTS voisine", isJoined: false)
        let cases: [(spaces: [Cpts], coordinator: Bool, offered: Cpts?)] = [
            ([cpts], true, cpts),
            ([cpts], false, nil),
            ([invited], true, nil),
        ]
        for (spaces, coordinator, offered) in cases {
            let directory = FakeDirectoryService()
            directory.cptsSpaces = spaces
            directory.onIsCoordinator = { _ in coordinator }
            directory.onSearch = { _, _, _ in [] }
            let viewModel = DirectoryViewModel(directory: directory)

            await viewModel.load()

            XCTAssertEqual(viewModel.careTeamCpts, offered)
        }
    }
}

private enum TeamFixtures {
    static let cpts = Cpts(id: CptsID("!cpts:cpts.test"), name: "CPTS du Val d'Essai", isJoined: true)
    static let room = CaseID("!team:cpts.test")
    /// The signed-in doctor (`Fixtures.gp`), who coordinates the CPTS.
    static let coordinator = MemberEntry(userID: Fixtures.gp, displayName: "Dr Paul Martin", profession: .physician,
                                         specialties: ["general_practice"], rpps: "10001234567", retired: false)
    static let benali = MemberEntry(userID: Fixtures.dermatologist, displayName: "Dr Nadia Benali",
                                    profession: .physician, specialties: ["dermatology"], rpps: "10003987657",
                                    retired: false)
    static let nurse = MemberEntry(userID: UserID("@ide.roux:cpts.test"), displayName: "Élodie Roux",
                                   profession: .nurse, specialties: [], rpps: "10004567891", retired: false)
    static let pharmacist = MemberEntry(userID: UserID("@ph.aubert:cpts.test"), displayName: "Eric Aubert",
                                        profession: .pharmacist, specialties: [], rpps: "10007654329", retired: false)

    /// The coordinator's form, no pause in typing; the directory lists everyone in its own
    /// order, by part of a name as the core would.
    @MainActor
    static func viewModel() -> (CareTeamViewModel, FakeRequestService, FakeDirectoryService) {
        let requests = FakeRequestService()
        let directory = FakeDirectoryService()
        directory.onSearch = { _, _, name in
            let all = [pharmacist, coordinator, nurse, benali]
            guard let name else { return all }
            return all.filter { $0.displayName.localizedCaseInsensitiveContains(name) }
        }
        let session = Fixtures.session(requests: requests, directory: directory)
        return (CareTeamViewModel(session: session, cpts: cpts, typingPause: 0), requests, directory)
    }
}
