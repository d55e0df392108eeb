import Foundation
import InnomedFFI

// The core's listener protocols (foreign traits), called from the core's threads. Each bridge
// hands what it receives to a closure and keeps no state of its own.

final class CaseListBridge: CaseListListener, @unchecked Sendable {
    private let onDiffs: @Sendable ([CaseListDiff]) -> Void

    init(_ onDiffs: @escaping @Sendable ([CaseListDiff]) -> Void) {
        self.onDiffs = onDiffs
    }

    func onUpdate(diffs: [CaseListDiff]) {
        onDiffs(diffs)
    }
}

final class TimelineBridge: TimelineListener, @unchecked Sendable {
    private let onDiffs: @Sendable ([TimelineDiff]) -> Void

    init(_ onDiffs: @escaping @Sendable ([TimelineDiff]) -> Void) {
        self.onDiffs = onDiffs
    }

    func onUpdate(diffs: [TimelineDiff]) {
        onDiffs(diffs)
    }
}

final class SignOutBridge: SignOutListener, @unchecked Sendable {
    private let onSignOut: @Sendable () -> Void

    init(_ onSignOut: @escaping @Sendable () -> Void) {
        self.onSignOut = onSignOut
    }

    func onSignedOut() {
        onSignOut()
    }
}

final class PhotoUploadBridge: PhotoUploadListener, @unchecked Sendable {
    private let continuation: AsyncStream<UploadProgress>.Continuation

    init(_ continuation: AsyncStream<UploadProgress>.Continuation) {
        self.continuation = continuation
    }

    func onProgress(sent: UInt64, total: UInt64) {
        continuation.yield(.uploading(sent: sent, total: total))
    }

    func onSent(eventId: String) {
        continuation.yield(.sent(EventID(eventId)))
        continuation.finish()
    }

    func onFailed(recoverable: Bool) {
        continuation.yield(.failed(recoverable: recoverable))
        if !recoverable { continuation.finish() }
    }
}
