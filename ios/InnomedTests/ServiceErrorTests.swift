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
    }

    func testAnErrorWithoutReasonIsNamedByItsCode() {
        XCTAssertEqual(ServiceError.notLoggedIn.localizationKey, "error.notLoggedIn")
        XCTAssertEqual(ServiceError.noOneOnDuty(specialty: "dermatology", directory: []).localizationKey,
                       "error.noOneOnDuty")
    }
}
