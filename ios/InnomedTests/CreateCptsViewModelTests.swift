@testable import Innomed
@testable import InnomedServices
import XCTest

/// A doctor in no CPTS creates one and becomes its coordinator; the core's refusal (scripted here
/// as it would give it) is said under the name, which stays. The directory then shows the new
/// CPTS, read again from the core.
@MainActor
final class CreateCptsViewModelTests: XCTestCase {
    private let created = Cpts(id: CptsID("!valdessai:cpts.test"), name: "CPTS du Val d'Essai", isJoined: true)

    func testTheDoctorNamesTheCptsCreatesItOnceAndItsIdShows() async {
        let directory = FakeDirectoryService()
        var announced: [Cpts] = []
        let viewModel = CreateCptsViewModel(directory: directory) { announced.append($0) }
        directory.onCreateCpts = { _ in
            XCTAssertTrue(viewModel.isCreating)
            XCTAssertFalse(viewModel.canCreate, "one CPTS per tap")
            return self.created
        }
        XCTAssertFalse(viewModel.canCreate, "an empty name waits")

        viewModel.name = "  CPTS du Val d'Essai "
        XCTAssertTrue(viewModel.canCreate)
        await viewModel.create()
        await viewModel.create()

        XCTAssertEqual(directory.cptsCreations, ["CPTS du Val d'Essai"], "once, the name trimmed")
        XCTAssertEqual(viewModel.created, created, "its id is what the doctor gives the others")
        XCTAssertEqual(announced, [created], "the directory reads it again")
        XCTAssertFalse(viewModel.isCreating)
        XCTAssertNil(viewModel.error)
        XCTAssertFalse(viewModel.canCreate, "one CPTS per form")
    }

    func testTheCoresRefusalIsSaidUnderTheNameWhichStays() async {
        let directory = FakeDirectoryService()
        directory.onCreateCpts = { _ in throw ServiceError.homeserverUnreachable }
        let viewModel = CreateCptsViewModel(directory: directory) { _ in XCTFail("not created") }
        viewModel.name = "CPTS du Val d'Essai"

        await viewModel.create()

        XCTAssertEqual(viewModel.error, .homeserverUnreachable)
        XCTAssertEqual(viewModel.name, "CPTS du Val d'Essai")
        XCTAssertNil(viewModel.created)
        XCTAssertTrue(viewModel.canCreate, "tried again with the same name")

        directory.onCreateCpts = { _ in throw ServiceError.invalidRequest(.noCptsName) }
        await viewModel.create()
        XCTAssertEqual(viewModel.error, .invalidRequest(.noCptsName), "the core's word, whatever the form thought")
        XCTAssertEqual(viewModel.error?.localizationKey, "error.invalidRequest.noCptsName")
        XCTAssertEqual(directory.cptsCreations.count, 2)

        viewModel.name = "CPTS du Val d'Essai Nord"
        XCTAssertNil(viewModel.error, "editing clears it")
    }

    func testABlankNameSendsNothing() async {
        // `onCreateCpts` stays unstubbed: creating would fail the test.
        let directory = FakeDirectoryService()
        let viewModel = CreateCptsViewModel(directory: directory) { _ in XCTFail("not created") }
        viewModel.name = "   "

        await viewModel.create()

        XCTAssertTrue(directory.cptsCreations.isEmpty)
        XCTAssertNil(viewModel.created)
    }

    func testOnlyADoctorInNoJoinedCptsIsOfferedToCreateOne() async {
        let invited = Cpts(id: CptsID("!other:cpts.test"), name: "CPTS voisine", isJoined: false)
        for (spaces, offered) in [([Cpts](), true), ([invited], true), ([created], false)] {
            let directory = FakeDirectoryService()
            directory.cptsSpaces = spaces
            directory.onIsCoordinator = { _ in false }
            directory.onSearch = { _, _, _ in [] }
            let viewModel = DirectoryViewModel(directory: directory)

            await viewModel.load()

            XCTAssertEqual(viewModel.canCreateCpts, offered)
        }
    }

    func testTheDirectoryShowsTheCreatedCptsReadAgainFromTheCore() async {
        let invited = Cpts(id: CptsID("!other:cpts.test"), name: "CPTS voisine", isJoined: false)
        let directory = FakeDirectoryService()
        directory.cptsSpaces = [invited]
        var askedOf: [CptsID] = []
        directory.onIsCoordinator = { id in
            askedOf.append(id)
            return true
        }
        directory.onSearch = { _, _, _ in [] }
        let viewModel = DirectoryViewModel(directory: directory)
        await viewModel.load()
        XCTAssertEqual(viewModel.selected, invited.id)
        XCTAssertTrue(viewModel.canCreateCpts)

        directory.cptsSpaces = [invited, created]
        await viewModel.cptsCreated(created)

        XCTAssertEqual(viewModel.selectedSpace, created, "the new CPTS is shown")
        XCTAssertEqual(askedOf, [created.id], "whether the doctor coordinates it is the core's answer")
        XCTAssertTrue(viewModel.isCoordinator)
        XCTAssertEqual(viewModel.careTeamCpts, created)
        XCTAssertFalse(viewModel.canCreateCpts)
    }
}
