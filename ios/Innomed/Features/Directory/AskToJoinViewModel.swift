import Combine
import Foundation
import InnomedServices

/// Asking to join a CPTS by the space id its coordinator gave; the coordinator approves or
/// refuses, and an approval arrives as the CPTS's invitation in the directory.
@MainActor
final class AskToJoinViewModel: ObservableObject {
    @Published var spaceID = ""
    @Published private(set) var isSending = false
    /// The CPTS asked last: the screen says the request went to its coordinator.
    @Published private(set) var asked: CptsID?
    @Published var error: ServiceError?

    private let directory: DirectoryService

    init(directory: DirectoryService) {
        self.directory = directory
    }

    /// Whether the id is one is the core's answer (`cptsNotFound`); here only not empty.
    var canAsk: Bool {
        !isSending && !trimmedSpaceID.isEmpty
    }

    func ask() async {
        guard canAsk else { return }
        let cpts = CptsID(trimmedSpaceID)
        isSending = true
        error = nil
        asked = nil
        do {
            try await directory.askToJoin(cpts)
            asked = cpts
            spaceID = ""
        } catch {
            self.error = ServiceError.from(error)
        }
        isSending = false
    }

    private var trimmedSpaceID: String { spaceID.trimmingCharacters(in: .whitespacesAndNewlines) }
}
