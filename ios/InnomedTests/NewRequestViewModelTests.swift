@testable import Innomed
@testable import InnomedServices
import XCTest

@MainActor
final class NewRequestViewModelTests: XCTestCase {
    private let cpts = Cpts(id: CptsID("!cpts:cpts.test"), name: "CPTS du Val de Seine", isJoined: true)

    private func fill(_ viewModel: NewRequestViewModel) {
        viewModel.specialty = "dermatology"
        viewModel.urgency = .urgent
        viewModel.patientLabel = " M.D. "
        viewModel.reason = "Lésion pigmentée"
        viewModel.question = "Exérèse ?"
    }

    func testConsentIsRequiredBeforeSending() {
        let viewModel = NewRequestViewModel(session: Fixtures.session())
        fill(viewModel)
        XCTAssertFalse(viewModel.canSubmit)
        viewModel.consent = true
        XCTAssertTrue(viewModel.canSubmit)
    }

    func testInACptsTheRequestGoesToTheSpecialistOnDutyWithThePhoto() async throws {
        let requests = FakeRequestService()
        requests.cptsSpaces = [cpts]
        var opened: (TeleExpertiseRequest, CptsID)?
        requests.onOpen = { draft, space in
            opened = (draft, space)
            return CaseID("!case:cpts.test")
        }
        let photos = PrivatePhotoStore(directory: Fixtures.temporaryDirectory())
        let viewModel = NewRequestViewModel(session: Fixtures.session(requests: requests), photos: photos)
        fill(viewModel)
        viewModel.consent = true
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xD9])
        viewModel.attachPhoto(jpeg: jpeg)
        let photo = try XCTUnwrap(viewModel.photoURL)

        await viewModel.submit()

        XCTAssertEqual(opened?.1, cpts.id)
        XCTAssertEqual(opened?.0.specialty, "dermatology")
        XCTAssertEqual(opened?.0.urgency, .urgent)
        XCTAssertEqual(opened?.0.header.patientLabel, "M.D.")
        XCTAssertEqual(opened?.0.header.photoConsent, true)
        XCTAssertEqual(opened?.0.patientConsent, true)
        XCTAssertEqual(opened?.0.photos, [jpeg], "the photo goes with the request: nothing is written into it afterwards")
        XCTAssertFalse(FileManager.default.fileExists(atPath: photo.path), "the private copy is deleted once sent")
        XCTAssertEqual(viewModel.created, CaseID("!case:cpts.test"))
    }

    func testAPhotoTheCoreRefusesSendsNothingAndIsDropped() async throws {
        let requests = FakeRequestService()
        requests.cptsSpaces = [cpts]
        requests.onOpen = { draft, _ in
            guard draft.photos.isEmpty else { throw ServiceError.photoRefused }
            return CaseID("!case:cpts.test")
        }
        let photos = PrivatePhotoStore(directory: Fixtures.temporaryDirectory())
        let viewModel = NewRequestViewModel(session: Fixtures.session(requests: requests), photos: photos)
        fill(viewModel)
        viewModel.consent = true
        viewModel.attachPhoto(jpeg: Data([0xFF, 0xD8, 0xFF, 0xD9]))
        let photo = try XCTUnwrap(viewModel.photoURL)

        await viewModel.submit()
        XCTAssertEqual(viewModel.error, .photoRefused)
        XCTAssertNil(viewModel.created, "nothing was created")
        XCTAssertNil(viewModel.photoURL)
        XCTAssertFalse(FileManager.default.fileExists(atPath: photo.path))

        viewModel.error = nil
        await viewModel.submit()
        XCTAssertEqual(viewModel.created, CaseID("!case:cpts.test"), "the request goes without the photo")
    }

    func testNobodyOnDutyOffersTheDirectorysSpecialists() async {
        let requests = FakeRequestService()
        requests.cptsSpaces = [cpts]
        let benali = MemberEntry(userID: Fixtures.dermatologist, displayName: "Dr Nadia Benali",
                                 profession: .physician, specialties: ["dermatology"], rpps: "10003987657",
                                 retired: false)
        requests.onOpen = { draft, _ in
            guard draft.expert == nil else { return CaseID("!picked:cpts.test") }
            throw ServiceError.noOneOnDuty(specialty: "dermatology", directory: [benali])
        }
        let viewModel = NewRequestViewModel(session: Fixtures.session(requests: requests))
        fill(viewModel)
        viewModel.consent = true

        await viewModel.submit()
        XCTAssertEqual(viewModel.offeredExperts, [benali])
        XCTAssertNil(viewModel.created)

        viewModel.expert = benali
        await viewModel.submit()
        XCTAssertEqual(viewModel.created, CaseID("!picked:cpts.test"))
    }

    func testWithoutAJoinedCptsNothingIsOpenedAndTheDoctorIsTold() async throws {
        let requests = FakeRequestService()
        requests.cptsSpaces = [Cpts(id: cpts.id, name: cpts.name, isJoined: false)]
        // Any request or case opened here would reach the fakes' unstubbed calls and fail.
        let photos = PrivatePhotoStore(directory: Fixtures.temporaryDirectory())
        let viewModel = NewRequestViewModel(session: Fixtures.session(requests: requests), photos: photos)
        fill(viewModel)
        viewModel.consent = true
        viewModel.attachPhoto(jpeg: Data([0xFF, 0xD8, 0xFF, 0xD9]))
        let photo = try XCTUnwrap(viewModel.photoURL)

        await viewModel.submit()

        XCTAssertEqual(viewModel.error, .noCpts)
        XCTAssertNil(viewModel.created, "no case is opened directly")
        XCTAssertTrue(FileManager.default.fileExists(atPath: photo.path), "the photo stays for a later try")
    }
}
