import Foundation
import InnomedFFI

/// Starts the core once per process and builds its clients.
enum RustCore {
    private static let started: Void = {
        // The core logs ids only (never bodies, names, tokens or keys); two workers are
        // plenty on a phone and keep the notification extension small.
        initPlatform(config: PlatformConfig(logFilter: "info", workerThreads: 2))
    }()

    static func builder(homeserver: String, secureStore: KeychainSecureStore) throws -> ClientBuilder {
        _ = started
        try AppPaths.makePrivateDirectory(AppPaths.coreData)
        return ClientBuilder(homeserverUrl: homeserver, dataDir: AppPaths.coreData.path,
                             secureStore: secureStore)
    }
}

extension Client {
    func caseRoom(_ id: CaseID) throws -> CaseRoom {
        try self.`case`(roomId: id.rawValue)
    }

    func space(_ id: CptsID) throws -> InnomedFFI.Cpts {
        try cpts(spaceId: id.rawValue)
    }
}

/// A live list fed by a listener on the core's threads.
final class LiveList<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []

    func apply(_ ops: [ListOp<Element>]) -> [Element] {
        lock.withLock {
            for op in ops { items.apply(op) }
            return items
        }
    }
}

extension AsyncStream {
    /// A stream and its continuation (the build closure runs at once).
    static func pipe() -> (stream: AsyncStream<Element>, continuation: Continuation) {
        var captured: Continuation?
        let stream = AsyncStream { captured = $0 }
        guard let continuation = captured else { preconditionFailure("AsyncStream builds synchronously") }
        return (stream, continuation)
    }
}

extension Date {
    init(milliseconds: UInt64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    var milliseconds: UInt64 {
        UInt64(max(0, timeIntervalSince1970 * 1000))
    }
}

func milliseconds(_ interval: TimeInterval) -> UInt64 {
    UInt64(max(0, interval * 1000))
}
