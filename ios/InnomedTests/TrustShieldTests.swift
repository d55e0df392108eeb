@testable import Innomed
@testable import InnomedServices
import SwiftUI
import XCTest

/// The shield beside a person's name: its look and words per level (a view's test, so SwiftUI's
/// `Color`; which messages show one is CaseViewModelTests').
final class TrustShieldTests: XCTestCase {
    func testEachLevelHasItsOwnShieldAndWords() {
        let expected: [(TrustLevel, String, Color, String)] = [
            (.verified, "checkmark.shield.fill", .green, "trust.verified"),
            (.attested, "checkmark.shield.fill", .accentColor, "trust.attested"),
            (.unverified, "shield", .secondary, "trust.unverified"),
            (.changed, "exclamationmark.shield.fill", .red, "trust.changed"),
            (TrustLevel.none, "xmark.shield", .gray, "trust.none"),
        ]
        XCTAssertEqual(expected.map { $0.0 }, TrustLevel.allCases, "every level, once")
        for (level, symbol, color, key) in expected {
            XCTAssertEqual(level.symbolName, symbol)
            XCTAssertEqual(level.color, color)
            XCTAssertEqual(level.labelKey, key)
        }
    }

    func testAnIdentityTheCptsVouchesForIsToldApartFromOneTheDoctorVerified() {
        XCTAssertEqual(TrustLevel.attested.symbolName, TrustLevel.verified.symbolName, "a filled shield with a tick")
        XCTAssertNotEqual(TrustLevel.attested.color, TrustLevel.verified.color, "blue, not green")
        XCTAssertNotEqual(TrustLevel.attested.labelKey, TrustLevel.verified.labelKey)
    }
}
