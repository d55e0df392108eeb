@testable import Innomed
@testable import InnomedServices
import XCTest

final class SasEmojiNamesTests: XCTestCase {
    func testTheTableHasTheSpecsSixtyFourEmojisOnce() {
        XCTAssertEqual(SasEmojiNames.keys.count, 64)
        XCTAssertEqual(Set(SasEmojiNames.keys).count, 64)
        XCTAssertEqual(SasEmojiNames.keys.first, "sas.dog")
        XCTAssertEqual(SasEmojiNames.keys[47], "sas.key")
        XCTAssertEqual(SasEmojiNames.keys.last, "sas.pin")
    }

    func testAPlaceOutsideTheTableShowsTheSpecsEnglishName() {
        let emoji = SasEmoji(index: 64, symbol: "❓", name: "Unknown")
        XCTAssertEqual(SasEmojiNames.name(of: emoji), "Unknown")
    }
}
