import XCTest

/// Fakes fail fast: a call the test did not stub fails the test and throws.
enum FakeError: Error {
    case notStubbed(String)
}

func unstubbed<T>(_ name: String) throws -> T {
    XCTFail("\(name) called but not stubbed")
    throw FakeError.notStubbed(name)
}
