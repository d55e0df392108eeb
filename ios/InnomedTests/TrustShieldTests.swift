@testable import Innomed
@testable import InnomedServices
import SwiftUI
import XCTest

/// The shield beside a person's name: its look and words per level, and which messages show it.
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

    func testAMessageShowsItsLevelBesideWhatASenderWrote() {
        let header = CaseHeader(patientLabel: "M.D.", ageBand: .adult, sex: .female,
                                reason: "Lésion", question: "Exérèse ?", photoConsent: true)
        let advice = Advice(assessment: "Nævus", recommendation: "Surveillance", inPerson: .routine)
        let written: [MessageKind] = [
            .text("Bonjour"),
            .photo(PhotoMessage(caption: nil, width: 800, height: 600, hasThumbnail: true)),
            .header(header),
            .advice(advice),
            .closure(outcome: "Résolu"),
            .rejected(.advice, .notFromTaker),
            .untrusted,
        ]
        for body in written {
            for level in TrustLevel.allCases {
                XCTAssertEqual(message(body, trust: level).shield, level, "\(body)")
            }
        }
    }

    func testNoShieldWhereTheLevelSaysNothingOfTheSender() {
        let nobodysWords: [MessageKind] = [
            .membership(user: Fixtures.dermatologist, change: "Joined"),
            .unreadable(.waiting),
            .redacted,
            .other,
        ]
        for body in nobodysWords {
            for level in TrustLevel.allCases {
                XCTAssertNil(message(body, trust: level).shield, "\(body)")
            }
        }
    }

    private func message(_ body: MessageKind, trust: TrustLevel) -> CaseMessage {
        let entry = Fixtures.message("$m", body: body, trust: trust)
        guard case .message(let message) = entry.content else { fatalError("a message row") }
        return message
    }
}
