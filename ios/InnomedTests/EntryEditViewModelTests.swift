@testable import Innomed
@testable import InnomedServices
import XCTest

/// The coordinator corrects a directory entry (name, specialties, retired); the RPPS number and
/// the profession stay. Only the coordinator (as the core says) is offered the correction; the
/// core's refusals (scripted here as it would give them) show in the sheet, what was typed kept,
/// and a saved entry is read again with the directory.
@MainActor
final class EntryEditViewModelTests: XCTestCase {
    private let cpts = EditFixtures.cpts

    func testTheCoordinatorSavesTheCorrectionAndTheDirectoryIsReadAgain() async throws {
        let directory = EditFixtures.directory(coordinator: true)
        var held = [EditFixtures.benali]
        var searches = 0
        directory.onSearch = { _, _, _ in
            searches += 1
            return held
        }
        var sent: [(UserID, CptsID, EntryEdit)] = []
        directory.onEditMember = { user, id, edit in
            sent.append((user, id, edit))
            let entry = MemberEntry(userID: user, displayName: edit.displayName, profession: .physician,
                                    specialties: edit.specialties, rpps: "10001234567", retired: edit.retired)
            held = [entry]
            return entry
        }
        let viewModel = DirectoryViewModel(directory: directory)
        await viewModel.load()
        XCTAssertTrue(viewModel.isCoordinator)

        viewModel.startEditing(EditFixtures.benali)
        let edit = try XCTUnwrap(viewModel.editing, "the sheet opens")
        XCTAssertEqual(edit.displayName, "Samira Benali", "the entry as it is")
        XCTAssertEqual(edit.chosenSpecialties, ["dermatology"])
        XCTAssertFalse(edit.retired)
        edit.displayName = "  Samira Benali-Haddad "
        edit.toggle(directory.options[2])
        edit.toggle(directory.options[0])
        edit.toggle(directory.options[1])
        edit.retired = true
        XCTAssertTrue(edit.canSave)
        await edit.save()

        XCTAssertEqual(sent.map { $0.0 }, [EditFixtures.benali.userID])
        XCTAssertEqual(sent.map { $0.1 }, [cpts.id])
        XCTAssertEqual(sent.first?.2, EntryEdit(displayName: "Samira Benali-Haddad",
                                                specialties: ["cardiology", "general_practice"], retired: true),
                       "the name trimmed, the specialties in the list's order")
        XCTAssertNil(viewModel.editing, "the sheet closes")
        XCTAssertEqual(searches, 2, "the directory is the core's again after the correction")
        XCTAssertEqual(viewModel.members.first?.displayName, "Samira Benali-Haddad")
        XCTAssertEqual(viewModel.members.first?.retired, true)
    }

    func testARefusalShowsInTheSheetWithWhatWasTyped() async throws {
        let directory = EditFixtures.directory(coordinator: true)
        var searches = 0
        directory.onSearch = { _, _, _ in
            searches += 1
            return [EditFixtures.benali]
        }
        directory.onEditMember = { _, _, _ in throw ServiceError.invalidRequest(.noSpecialty) }
        let viewModel = DirectoryViewModel(directory: directory)
        await viewModel.load()
        viewModel.startEditing(EditFixtures.benali)
        let edit = try XCTUnwrap(viewModel.editing)

        edit.displayName = "Dr S. Benali"
        edit.toggle(directory.options[1])
        await edit.save()

        XCTAssertEqual(edit.error, .invalidRequest(.noSpecialty))
        XCTAssertEqual(edit.error?.localizationKey, "error.invalidRequest.noSpecialty")
        XCTAssertTrue(viewModel.editing === edit, "the sheet stays")
        XCTAssertEqual(edit.displayName, "Dr S. Benali", "what was typed is kept")
        XCTAssertTrue(edit.chosenSpecialties.isEmpty)
        XCTAssertFalse(edit.saving)
        XCTAssertTrue(edit.canSave, "to try again")
        XCTAssertNil(viewModel.error, "not an alert behind the sheet")
        XCTAssertEqual(searches, 1, "nothing changed: not read again")
    }

    func testEachRefusalOfTheCoreHasItsOwnWords() async {
        let refusals: [(ServiceError, String)] = [
            (.coordinatorOnly, "error.coordinatorOnly"),
            (.notInDirectory, "error.notInDirectory"),
            (.invalidRequest(.noMemberName), "error.invalidRequest.noMemberName"),
            (.invalidRequest(.noSpecialty), "error.invalidRequest.noSpecialty"),
            (.unknownSpecialty, "error.unknownSpecialty"),
        ]
        for (refusal, key) in refusals {
            let directory = EditFixtures.directory(coordinator: true)
            directory.onEditMember = { _, _, _ in throw refusal }
            let edit = EntryEditViewModel(directory: directory, cpts: cpts.id, entry: EditFixtures.benali) { _ in
                XCTFail("not saved")
            }
            edit.retired = true

            await edit.save()

            XCTAssertEqual(edit.error, refusal)
            XCTAssertEqual(edit.error?.localizationKey, key)
            XCTAssertTrue(edit.retired, "kept")
        }
    }

    func testAnEmptyNameWaitsAndNothingIsSent() async {
        let directory = EditFixtures.directory(coordinator: true)
        // `onEditMember` stays unstubbed: sending would fail the test.
        let edit = EntryEditViewModel(directory: directory, cpts: cpts.id, entry: EditFixtures.benali) { _ in
            XCTFail("not saved")
        }
        edit.displayName = "   "
        XCTAssertFalse(edit.canSave)
        edit.toggle(directory.options[1])
        XCTAssertTrue(edit.chosenSpecialties.isEmpty, "without specialty Save stays offered: the core says why")

        await edit.save()

        XCTAssertNil(edit.error)
        edit.displayName = "Samira Benali"
        XCTAssertTrue(edit.canSave)
    }

    func testAMemberWhoDoesNotCoordinateHasNoCorrection() async {
        for answer in [{ (_: CptsID) throws -> Bool in false },
                       { (_: CptsID) throws -> Bool in throw ServiceError.homeserverUnreachable }] {
            let directory = EditFixtures.directory(coordinator: false)
            directory.onIsCoordinator = answer
            directory.onSearch = { _, _, _ in [EditFixtures.benali] }
            // `onEditMember` stays unstubbed: sending would fail the test.
            let viewModel = DirectoryViewModel(directory: directory)
            await viewModel.load()
            XCTAssertFalse(viewModel.isCoordinator, "a failure to say offers nothing either")
            XCTAssertNil(viewModel.error)

            viewModel.startEditing(EditFixtures.benali)

            XCTAssertNil(viewModel.editing, "no sheet for a member")
            XCTAssertEqual(viewModel.members, [EditFixtures.benali], "the directory is read as before")
        }
    }
}

private enum EditFixtures {
    static let cpts = Cpts(id: CptsID("!cpts:cpts.test"), name: "CPTS Test", isJoined: true)
    static let benali = MemberEntry(userID: UserID("@dr.benali:cpts.test"), displayName: "Samira Benali",
                                    profession: .physician, specialties: ["dermatology"], rpps: "10001234567",
                                    retired: false)

    /// One joined CPTS, three specialties in the core's list order; the core says whether this
    /// doctor coordinates the CPTS.
    static func directory(coordinator: Bool) -> FakeDirectoryService {
        let directory = FakeDirectoryService()
        directory.cptsSpaces = [cpts]
        directory.onIsCoordinator = { _ in coordinator }
        directory.options = [
            Specialty(code: "cardiology", labelFr: "Cardiologie", labelEn: "Cardiology"),
            Specialty(code: "dermatology", labelFr: "Dermatologie", labelEn: "Dermatology"),
            Specialty(code: "general_practice", labelFr: "Médecine générale", labelEn: "General practice"),
        ]
        return directory
    }
}
