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

final class ConversationBridge: ConversationListener, @unchecked Sendable {
    private let onDiffs: @Sendable ([ConversationDiff]) -> Void

    init(_ onDiffs: @escaping @Sendable ([ConversationDiff]) -> Void) {
        self.onDiffs = onDiffs
    }

    func onUpdate(diffs: [ConversationDiff]) {
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

/// Hands the core's upload reports to the app's stream, which ends once the photo is sent or
/// its sending stopped for good.
final class PhotoUploadBridge: PhotoUploadListener, @unchecked Sendable {
    private let continuation: AsyncStream<UploadProgress>.Continuation

    init(_ continuation: AsyncStream<UploadProgress>.Continuation) {
        self.continuation = continuation
    }

    func onProgress(progress: InnomedFFI.UploadProgress) {
        let step = UploadProgress(rustValue: progress)
        continuation.yield(step)
        if step.isFinal { continuation.finish() }
    }
}

/// Hands the core's reports on the files of one batch, each with its transaction id.
final class FileUploadBridge: FileUploadListener, @unchecked Sendable {
    private let onReport: @Sendable (FileUpload) -> Void

    init(_ onReport: @escaping @Sendable (FileUpload) -> Void) {
        self.onReport = onReport
    }

    func onProgress(transactionId: String, progress: InnomedFFI.UploadProgress) {
        onReport(FileUpload(transactionID: transactionId, progress: UploadProgress(rustValue: progress)))
    }
}

/// Hands the core's reports on the first reading of the cases into the search index.
final class SearchProgressBridge: SearchProgressListener, @unchecked Sendable {
    private let onReport: @Sendable (InnomedFFI.SearchProgress) -> Void

    init(_ onReport: @escaping @Sendable (InnomedFFI.SearchProgress) -> Void) {
        self.onReport = onReport
    }

    func onProgress(progress: InnomedFFI.SearchProgress) {
        onReport(progress)
    }
}
