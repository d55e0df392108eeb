@testable import Innomed
@testable import InnomedServices
import XCTest

/// The coordinator's partner CPTS: the list read from the core with each partner's agreement,
/// a partner declared by the ids typed (sent trimmed; whether they name a partner is the core's
/// to say, its refusals scripted here as it would give them, shown in words with what was typed
/// kept), a partner withdrawn; any other member reads the list only.
@MainActor
final class PartnersViewModelTests: XCTestCase {
    private let cpts = PartnerFixtures.cpts

    /// A core holding `partners` that takes every declaration and withdrawal (as the
    /// coordinator's would); `reads` counts the list's reads.
    private func makeDirectory(_ partners: [PartnerCpts] = [PartnerFixtures.nord], coordinator: Bool = true,
                               reads: @escaping () -> Void = {}) -> FakeDirectoryService {
        let directory = FakeDirectoryService()
        directory.onIsCoordinator = { _ in coordinator }
        var held = partners
        directory.onPartners = { id in
            XCTAssertEqual(id, PartnerFixtures.cpts.id)
            reads()
            return held
        }
        directory.onDeclarePartner = { _, space, user in
            let partner = PartnerCpts(spaceID: space, name: "CPTS Sud", coordinator: user, agreed: false)
            held = held.filter { $0.spaceID != space } + [partner]
            return partner
        }
        directory.onWithdrawPartner = { _, space in held.removeAll { $0.spaceID == space } }
        return directory
    }

    private func makeViewModel(_ directory: FakeDirectoryService) -> PartnersViewModel {
        PartnersViewModel(directory: directory, cpts: cpts)
    }

    func testThePartnersShowAsTheCoreGivesThemWithTheirAgreement() async {
        let both = [PartnerFixtures.nord, PartnerFixtures.est]
        let viewModel = makeViewModel(makeDirectory(both))
        XCTAssertFalse(viewModel.loaded)

        await viewModel.load()

        XCTAssertTrue(viewModel.loaded)
        XCTAssertTrue(viewModel.isCoordinator)
        XCTAssertEqual(viewModel.partners, both)
        XCTAssertEqual(viewModel.partners.map(\.agreed), [true, false], "the core's agreement, not the app's")
        XCTAssertTrue(viewModel.canEdit)
        XCTAssertFalse(viewModel.canDeclare, "nothing typed yet")
        XCTAssertNil(viewModel.error)
    }

    func testDeclaringNeedsBothIds() async {
        let viewModel = makeViewModel(makeDirectory())
        await viewModel.load()

        viewModel.spaceID = PartnerFixtures.sud.rawValue
        XCTAssertFalse(viewModel.canDeclare)
        viewModel.coordinator = "  \n"
        XCTAssertFalse(viewModel.canDeclare)
        viewModel.coordinator = PartnerFixtures.sudCoordinator.rawValue
        XCTAssertTrue(viewModel.canDeclare)
        viewModel.spaceID = " "
        XCTAssertFalse(viewModel.canDeclare)
    }

    func testTheCoordinatorDeclaresAPartnerTrimmedThenSeesTheCoresListReadAgain() async {
        var reads = 0
        let directory = makeDirectory(reads: { reads += 1 })
        let viewModel = makeViewModel(directory)
        await viewModel.load()

        viewModel.spaceID = "  !sud:cpts-sud.test\n"
        viewModel.coordinator = " @dr.sud:cpts-sud.test "
        await viewModel.declare()

        XCTAssertEqual(directory.partnerDeclarations.count, 1)
        XCTAssertEqual(directory.partnerDeclarations.first?.0, cpts.id)
        XCTAssertEqual(directory.partnerDeclarations.first?.1, PartnerFixtures.sud)
        XCTAssertEqual(directory.partnerDeclarations.first?.2, PartnerFixtures.sudCoordinator)
        XCTAssertEqual(reads, 2, "the list is the core's again after the declaration")
        XCTAssertEqual(viewModel.partners.map(\.spaceID), [PartnerFixtures.nord.spaceID, PartnerFixtures.sud])
        XCTAssertEqual(viewModel.declared?.spaceID, PartnerFixtures.sud)
        XCTAssertEqual(viewModel.declared?.agreed, false, "waiting for the partner's declaration")
        XCTAssertEqual(viewModel.spaceID, "")
        XCTAssertEqual(viewModel.coordinator, "")
        XCTAssertFalse(viewModel.declaring)
        XCTAssertNil(viewModel.error)
    }

    func testConfirmingAPartnerThatDeclaredFirstShowsTheAgreement() async {
        let directory = makeDirectory([])
        let agreed = PartnerCpts(spaceID: PartnerFixtures.sud, name: "CPTS Sud",
                                 coordinator: PartnerFixtures.sudCoordinator, agreed: true)
        var held: [PartnerCpts] = []
        directory.onPartners = { _ in held }
        directory.onDeclarePartner = { _, _, _ in
            held = [agreed]
            return agreed
        }
        let viewModel = makeViewModel(directory)
        await viewModel.load()
        XCTAssertTrue(viewModel.partners.isEmpty)

        viewModel.spaceID = PartnerFixtures.sud.rawValue
        viewModel.coordinator = PartnerFixtures.sudCoordinator.rawValue
        await viewModel.declare()

        XCTAssertEqual(viewModel.declared, agreed)
        XCTAssertEqual(viewModel.partners, [agreed])
    }

    func testEachRefusalOfTheCoreIsSaidInWordsAndWhatWasTypedStays() async {
        let refusals: [(ServiceError, String)] = [
            (.notAPartner, "partners.error.notAPartner"),
            (.coordinatorOnly, "partners.error.coordinatorOnly"),
            (.notAllowed, "partners.error.coordinatorOnly"),
            (.outsideNetwork, "partners.error.outsideNetwork"),
            (.invalidUserID, "error.invalidUserID"),
            (.homeserverUnreachable, "error.homeserverUnreachable"),
            (.cptsNotFound, "error.cptsNotFound"),
        ]
        for (refusal, key) in refusals {
            let directory = makeDirectory()
            directory.onDeclarePartner = { _, _, _ in throw refusal }
            let viewModel = makeViewModel(directory)
            await viewModel.load()

            viewModel.spaceID = "!sud:cpts-sud.test"
            viewModel.coordinator = "dr.sud"
            await viewModel.declare()

            XCTAssertEqual(viewModel.error, refusal)
            XCTAssertEqual(viewModel.errorKey, key, "\(refusal)")
            XCTAssertEqual(viewModel.spaceID, "!sud:cpts-sud.test", "kept, to correct it")
            XCTAssertEqual(viewModel.coordinator, "dr.sud", "kept, to correct it")
            XCTAssertNil(viewModel.declared)
            XCTAssertEqual(viewModel.partners, [PartnerFixtures.nord], "the core's list unchanged")
            XCTAssertFalse(viewModel.declaring)
            XCTAssertTrue(viewModel.canDeclare, "the coordinator may correct and send again")
        }
    }

    func testAnErrorWithoutWordsOfThisScreenReadsAsTheCoresOwn() async {
        let directory = makeDirectory()
        directory.onDeclarePartner = { _, _, _ in throw ServiceError.partnerNotAgreed }
        let viewModel = makeViewModel(directory)
        await viewModel.load()

        viewModel.spaceID = "!sud:cpts-sud.test"
        viewModel.coordinator = "@dr.sud:cpts-sud.test"
        await viewModel.declare()

        XCTAssertEqual(viewModel.errorKey, ServiceError.partnerNotAgreed.localizationKey)
        XCTAssertEqual(viewModel.errorKey, "error.partnerNotAgreed")
    }

    func testADeclarationWhoseListCannotBeReadAgainShowsTheCoresAnswer() async {
        let directory = makeDirectory()
        var reads = 0
        directory.onPartners = { _ in
            reads += 1
            if reads > 1 { throw ServiceError.homeserverUnreachable }
            return [PartnerFixtures.nord]
        }
        let viewModel = makeViewModel(directory)
        await viewModel.load()

        viewModel.spaceID = PartnerFixtures.sud.rawValue
        viewModel.coordinator = PartnerFixtures.sudCoordinator.rawValue
        await viewModel.declare()

        XCTAssertEqual(viewModel.partners.map(\.spaceID), [PartnerFixtures.nord.spaceID, PartnerFixtures.sud])
        XCTAssertNil(viewModel.error, "declared: the read that followed is not the declaration's failure")
    }

    func testTheCoordinatorWithdrawsAPartnerThenSeesTheCoresListReadAgain() async {
        var reads = 0
        let directory = makeDirectory([PartnerFixtures.nord, PartnerFixtures.est], reads: { reads += 1 })
        let viewModel = makeViewModel(directory)
        await viewModel.load()

        await viewModel.withdraw(PartnerFixtures.nord)

        XCTAssertEqual(directory.partnerWithdrawals.map { $0.0 }, [cpts.id])
        XCTAssertEqual(directory.partnerWithdrawals.map { $0.1 }, [PartnerFixtures.nord.spaceID])
        XCTAssertEqual(reads, 2)
        XCTAssertEqual(viewModel.partners, [PartnerFixtures.est])
        XCTAssertNil(viewModel.withdrawing)
        XCTAssertNil(viewModel.error)
    }

    func testAWithdrawalTheCoreRefusesIsSaidAndThePartnerStays() async {
        let directory = makeDirectory()
        directory.onWithdrawPartner = { _, _ in throw ServiceError.coordinatorOnly }
        let viewModel = makeViewModel(directory)
        await viewModel.load()

        await viewModel.withdraw(PartnerFixtures.nord)

        XCTAssertEqual(viewModel.error, .coordinatorOnly)
        XCTAssertEqual(viewModel.errorKey, "partners.error.coordinatorOnly")
        XCTAssertEqual(viewModel.partners, [PartnerFixtures.nord])
        XCTAssertNil(viewModel.withdrawing)
    }

    func testAMemberReadsThePartnersButChangesNothing() async {
        let directory = makeDirectory([PartnerFixtures.nord], coordinator: false)
        // Any call that changes a partnership fails the test.
        directory.onDeclarePartner = { _, _, _ in try unstubbed("declarePartner") }
        directory.onWithdrawPartner = { _, _ in try unstubbed("withdrawPartner") }
        let viewModel = makeViewModel(directory)

        await viewModel.load()

        XCTAssertTrue(viewModel.loaded)
        XCTAssertFalse(viewModel.isCoordinator)
        XCTAssertEqual(viewModel.partners, [PartnerFixtures.nord])
        XCTAssertFalse(viewModel.canEdit)
        viewModel.spaceID = PartnerFixtures.sud.rawValue
        viewModel.coordinator = PartnerFixtures.sudCoordinator.rawValue
        XCTAssertFalse(viewModel.canDeclare)
        await viewModel.declare()
        await viewModel.withdraw(PartnerFixtures.nord)
        XCTAssertTrue(directory.partnerDeclarations.isEmpty)
        XCTAssertTrue(directory.partnerWithdrawals.isEmpty)
        XCTAssertNil(viewModel.error)
    }

    func testPartnersNotReadAreSaidAndNothingIsOffered() async {
        let directory = FakeDirectoryService()
        directory.onIsCoordinator = { _ in true }
        directory.onPartners = { _ in throw ServiceError.cptsNotFound }
        let viewModel = makeViewModel(directory)

        await viewModel.load()

        XCTAssertEqual(viewModel.error, .cptsNotFound)
        XCTAssertEqual(viewModel.errorKey, "error.cptsNotFound")
        XCTAssertFalse(viewModel.loaded)
        XCTAssertFalse(viewModel.canEdit)
        XCTAssertTrue(viewModel.partners.isEmpty)
    }
}

/// A CPTS and its partners as the core would give them: one agreed, one still waiting.
enum PartnerFixtures {
    static let cpts = Cpts(id: CptsID("!cpts:cpts.test"), name: "CPTS Test", isJoined: true)
    static let nord = PartnerCpts(spaceID: CptsID("!nord:cpts-nord.test"), name: "CPTS Nord",
                                  coordinator: UserID("@dr.nord:cpts-nord.test"), agreed: true)
    static let est = PartnerCpts(spaceID: CptsID("!est:cpts-est.test"), name: "",
                                 coordinator: UserID("@dr.est:cpts-est.test"), agreed: false)
    static let sud = CptsID("!sud:cpts-sud.test")
    static let sudCoordinator = UserID("@dr.sud:cpts-sud.test")
}
