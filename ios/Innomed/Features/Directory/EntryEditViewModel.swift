import Combine
import Foundation
import InnomedServices

/// The coordinator corrects a directory entry: the name, the specialties (from the fixed list),
/// retired or not. The RPPS number and the profession are shown, not editable (another number is
/// another person). Whether the entry is valid is the core's to say: its refusal is shown in the
/// sheet, what was typed kept; once saved, `onSaved` reads the directory again.
@MainActor
final class EntryEditViewModel: ObservableObject, Identifiable {
    @Published var displayName: String
    @Published var chosenSpecialties: Set<String>
    @Published var retired: Bool
    /// The correction is on its way: the fields and buttons wait.
    @Published private(set) var saving = false
    @Published var error: ServiceError?

    /// The member whose entry this is (one sheet per entry).
    let id: UserID
    let entry: MemberEntry
    let cpts: CptsID
    let specialties: [Specialty]
    private let directory: DirectoryService
    private let onSaved: @MainActor (MemberEntry) async -> Void

    init(directory: DirectoryService, cpts: CptsID, entry: MemberEntry,
         onSaved: @escaping @MainActor (MemberEntry) async -> Void) {
        self.directory = directory
        self.cpts = cpts
        self.entry = entry
        self.onSaved = onSaved
        id = entry.userID
        specialties = directory.specialties()
        displayName = entry.displayName
        chosenSpecialties = Set(entry.specialties)
        retired = entry.retired
    }

    /// An empty name waits; whatever else is wrong (a physician without specialty…) is the core's
    /// to say.
    var canSave: Bool {
        !saving && !trimmedName.isEmpty
    }

    func toggle(_ specialty: Specialty) {
        guard !saving else { return }
        if chosenSpecialties.contains(specialty.code) {
            chosenSpecialties.remove(specialty.code)
        } else {
            chosenSpecialties.insert(specialty.code)
        }
    }

    /// Sends the correction: the specialties in the list's order (whatever the order of the taps;
    /// a code outside the list, kept from the entry, is the core's to judge). On success the
    /// directory is read again; on refusal the sheet stays, with what was typed.
    func save() async {
        guard canSave else { return }
        let codes = specialties.map(\.code)
        let chosen = codes.filter(chosenSpecialties.contains)
            + entry.specialties.filter { chosenSpecialties.contains($0) && !codes.contains($0) }
        let edit = EntryEdit(displayName: trimmedName, specialties: chosen, retired: retired)
        saving = true
        error = nil
        do {
            let saved = try await directory.editMember(entry.userID, in: cpts, edit: edit)
            saving = false
            await onSaved(saved)
        } catch {
            self.error = ServiceError.from(error)
            saving = false
        }
    }

    private var trimmedName: String { displayName.trimmingCharacters(in: .whitespacesAndNewlines) }
}
