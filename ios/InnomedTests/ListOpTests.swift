@testable import InnomedServices
import XCTest

final class ListOpTests: XCTestCase {
    func testDiffsApplyInOrder() {
        var list: [String] = []
        let ops: [ListOp<String>] = [
            .reset(["b", "c"]), .pushFront("a"), .pushBack("e"), .insert(3, "d"),
            .set(0, "A"), .remove(1), .append(["f", "g"]), .popBack, .popFront, .truncate(3),
        ]
        for op in ops { list.apply(op) }
        XCTAssertEqual(list, ["c", "d", "e"])
    }

    func testAnIndexOutOfStepIsIgnoredNotACrash() {
        var list = ["a"]
        list.apply(.set(5, "x"))
        list.apply(.remove(3))
        list.apply(.insert(9, "y"))
        list.apply(.truncate(10))
        XCTAssertEqual(list, ["a"])
        list.apply(.clear)
        list.apply(.popFront)
        XCTAssertEqual(list, [])
    }
}
