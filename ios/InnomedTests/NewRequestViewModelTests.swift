@testable import Innomed
@testable import InnomedServices
import XCTest

@MainActor
final class NewRequestViewModelTests: XCTestCase {
    private let cpts = Cpts(id: CptsID("!cpts:cpts.test"), name: "CPTS du Val de Seine", isJoined: true)
    private let number = CallBack(phone: "+33612345678", display: "06 12 34 56 78")

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
        XCTAssertNil(opened?.0.callBack, "no number typed: no call back asked")
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

    // The number to call back: optional, as typed (trimmed), checked by the core; a refusal
    // beside its field, what was typed kept, nothing opened.

    func testTheNumberToCallBackGoesWithTheRequestAsTyped() async {
        let requests = FakeRequestService()
        requests.cptsSpaces = [cpts]
        let number = self.number
        requests.onCheckCallBack = { _ in number }
        var opened: TeleExpertiseRequest?
        requests.onOpen = { draft, _ in
            opened = draft
            return CaseID("!case:cpts.test")
        }
        let viewModel = NewRequestViewModel(session: Fixtures.session(requests: requests))
        fill(viewModel)
        viewModel.consent = true
        viewModel.callBack = " 06 12 34 56 78 "

        await viewModel.submit()

        XCTAssertEqual(requests.callBackChecks, ["06 12 34 56 78"], "checked by the core before anything is opened")
        XCTAssertEqual(opened?.callBack, "06 12 34 56 78", "the core reads the number as the GP typed it")
        XCTAssertNil(viewModel.callBackError)
        XCTAssertEqual(viewModel.created, CaseID("!case:cpts.test"))
    }

    func testABlankNumberAsksNoCallBack() async {
        let requests = FakeRequestService()
        requests.cptsSpaces = [cpts]
        // Nothing to check: `checkCallBack` is not stubbed, a call would fail the test.
        var opened: TeleExpertiseRequest?
        requests.onOpen = { draft, _ in
            opened = draft
            return CaseID("!case:cpts.test")
        }
        let viewModel = NewRequestViewModel(session: Fixtures.session(requests: requests))
        fill(viewModel)
        viewModel.consent = true
        viewModel.callBack = "   "

        viewModel.checkCallBack()
        await viewModel.submit()

        XCTAssertNotNil(opened)
        XCTAssertNil(opened?.callBack, "blank: no call back asked")
        XCTAssertTrue(requests.callBackChecks.isEmpty)
        XCTAssertNil(viewModel.callBackError)
    }

    func testANumberThatIsNoneIsSaidBesideItsFieldWithWhatWasTypedAndNothingIsOpened() async {
        let requests = FakeRequestService()
        requests.cptsSpaces = [cpts]
        requests.onCheckCallBack = { _ in throw ServiceError.invalidRequest(.invalidPhone) }
        // `openRequest` is not stubbed: opening anything would fail the test.
        let viewModel = NewRequestViewModel(session: Fixtures.session(requests: requests))
        fill(viewModel)
        viewModel.consent = true
        viewModel.callBack = "06 12"

        await viewModel.submit()

        XCTAssertEqual(viewModel.callBackError, .invalidRequest(.invalidPhone))
        XCTAssertEqual(viewModel.callBackError?.localizationKey, "error.invalidRequest.invalidPhone")
        XCTAssertNil(viewModel.error, "said beside the field, not in an alert")
        XCTAssertEqual(viewModel.callBack, "06 12", "what was typed is kept")
        XCTAssertNil(viewModel.created)

        viewModel.callBack = "06 12 34"
        XCTAssertNil(viewModel.callBackError, "editing the number clears the refusal")
    }

    func testLeavingTheFieldHasTheCoreCheckTheNumber() {
        let requests = FakeRequestService()
        let number = self.number
        var valid = false
        requests.onCheckCallBack = { _ in
            guard valid else { throw ServiceError.invalidRequest(.invalidPhone) }
            return number
        }
        let viewModel = NewRequestViewModel(session: Fixtures.session(requests: requests))
        viewModel.callBack = "12"

        XCTAssertFalse(viewModel.checkCallBack())
        XCTAssertEqual(viewModel.callBackError, .invalidRequest(.invalidPhone))
        XCTAssertEqual(viewModel.callBack, "12")

        valid = true
        viewModel.callBack = "06 12 34 56 78"
        XCTAssertTrue(viewModel.checkCallBack())
        XCTAssertNil(viewModel.callBackError)
        XCTAssertEqual(requests.callBackChecks, ["12", "06 12 34 56 78"])
    }

    func testTheCoresRefusalOfTheNumberWhenOpeningIsSaidBesideTheField() async {
        let requests = FakeRequestService()
        requests.cptsSpaces = [cpts]
        let number = self.number
        requests.onCheckCallBack = { _ in number }
        requests.onOpen = { _, _ in throw ServiceError.invalidRequest(.invalidPhone) }
        let viewModel = NewRequestViewModel(session: Fixtures.session(requests: requests))
        fill(viewModel)
        viewModel.consent = true
        viewModel.callBack = "06 12 34 56 78"

        await viewModel.submit()

        XCTAssertEqual(viewModel.callBackError, .invalidRequest(.invalidPhone), "the core's word on the number")
        XCTAssertNil(viewModel.error)
        XCTAssertEqual(viewModel.callBack, "06 12 34 56 78")
        XCTAssertNil(viewModel.created)
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
