import Combine
import Foundation
import InnomedServices

/// A doctor in no CPTS creates one and becomes its coordinator: they name it, the core creates
/// it, and its id shows, to give to the professionals who ask to join. An empty name waits;
/// anything else is the core's answer, said under the name, which stays. Once created,
/// `onCreated` reads the directory again (the new CPTS is the doctor's).
@MainActor
final class CreateCptsViewModel: ObservableObject {
    /// Editing clears the last refusal.
    @Published var name = "" {
        didSet { error = nil }
    }
    @Published private(set) var isCreating = false
    /// The CPTS created (the doctor coordinates it): its id is what they give the others.
    @Published private(set) var created: Cpts?
    @Published var error: ServiceError?

    private let directory: DirectoryService
    private let onCreated: @MainActor (Cpts) async -> Void

    init(directory: DirectoryService, onCreated: @escaping @MainActor (Cpts) async -> Void) {
        self.directory = directory
        self.onCreated = onCreated
    }

    /// One CPTS per form, a name typed; whether the name will do is the core's to say.
    var canCreate: Bool {
        !isCreating && created == nil && !trimmedName.isEmpty
    }

    func create() async {
        guard canCreate else { return }
        isCreating = true
        error = nil
        do {
            let cpts = try await directory.createCpts(named: trimmedName)
            created = cpts
            isCreating = false
            await onCreated(cpts)
        } catch {
            self.error = ServiceError.from(error)
            isCreating = false
        }
    }

    private var trimmedName: String { name.trimmingCharacters(in: .whitespacesAndNewlines) }
}
