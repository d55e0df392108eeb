@testable import InnomedServices
import XCTest

final class ServiceErrorTests: XCTestCase {
    func testAReasonHasItsOwnWordsAndTheErrorKeepsItsCode() {
        let header = ServiceError.invalidHeader(.textTooLong)
        XCTAssertEqual(header.localizationKey, "error.invalidHeader.textTooLong")
        XCTAssertEqual(header.code, "invalidHeader")
        let advice = ServiceError.invalidRequest(.incompleteAdvice)
        XCTAssertEqual(advice.localizationKey, "error.invalidRequest.incompleteAdvice")
        XCTAssertEqual(advice.code, "invalidRequest")
        XCTAssertNotEqual(advice, .invalidRequest(.adviceTooLong))
        let slot = ServiceError.invalidSlot(.notMemberSpecialty)
        XCTAssertEqual(slot.localizationKey, "error.invalidSlot.notMemberSpecialty")
        XCTAssertEqual(slot.code, "invalidSlot")
        XCTAssertNotEqual(slot, .invalidSlot(.outsideDay))
        let window = ServiceError.invalidRequest(.routingWindow)
        XCTAssertEqual(window.localizationKey, "error.invalidRequest.routingWindow")
        XCTAssertEqual(window.code, "invalidRequest")
        let phone = ServiceError.invalidRequest(.invalidPhone)
        XCTAssertEqual(phone.localizationKey, "error.invalidRequest.invalidPhone")
        XCTAssertEqual(phone.code, "invalidRequest")
    }

    func testAnAvailabilityRefusalHasItsReasonsWords() {
        let overlap = ServiceError.invalidAvailability(.overlapping)
        XCTAssertEqual(overlap.localizationKey, "error.invalidAvailability.overlapping")
        XCTAssertEqual(overlap.code, "invalidAvailability")
        XCTAssertNotEqual(overlap, .invalidAvailability(.inThePast))
        XCTAssertEqual(ServiceError.invalidAvailability(.noSuchEntry).localizationKey,
                       "error.invalidAvailability.noSuchEntry")
        XCTAssertEqual(ServiceError.availabilityNotOpen.localizationKey, "error.availabilityNotOpen")
    }

    func testAnErrorWithoutReasonIsNamedByItsCode() {
        XCTAssertEqual(ServiceError.notLoggedIn.localizationKey, "error.notLoggedIn")
        XCTAssertEqual(ServiceError.noOneOnDuty(specialty: "dermatology", directory: []).localizationKey,
                       "error.noOneOnDuty")
    }

    func testAFileRefusalKeepsTheCoresNumbersAndIsNamedByItsCode() {
        let pages = ServiceError.tooManyPages(pages: 612, limit: 500)
        XCTAssertEqual(pages.code, "tooManyPages")
        XCTAssertEqual(pages.localizationKey, "error.tooManyPages")
        let size = ServiceError.photoTooLarge(size: 52_000_000, limit: 40_000_000)
        XCTAssertEqual(size.code, "photoTooLarge")
        XCTAssertEqual(size.localizationKey, "error.photoTooLarge")
        XCTAssertEqual(ServiceError.encryptedDocument.localizationKey, "error.encryptedDocument")
        XCTAssertEqual(ServiceError.tooManyObjects.localizationKey, "error.tooManyObjects")
        XCTAssertEqual(ServiceError.notADocument.localizationKey, "error.notADocument")
    }

    func testSearchAndArchiveRefusalsAreNamedByTheirCodes() {
        XCTAssertEqual(ServiceError.nothingToSearch.localizationKey, "error.nothingToSearch")
        XCTAssertEqual(ServiceError.queryTooLong.localizationKey, "error.queryTooLong")
        XCTAssertEqual(ServiceError.searchUnavailable.localizationKey, "error.searchUnavailable")
        XCTAssertEqual(ServiceError.notClosed.localizationKey, "error.notClosed")
        XCTAssertEqual(ServiceError.notClosed.code, "notClosed")
    }
}
