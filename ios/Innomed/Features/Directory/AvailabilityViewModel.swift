import Combine
import Foundation
import InnomedServices

/// One declared entry of a member's availability.
enum AvailabilityEntry: Hashable {
    case absence(Absence)
    case permanence(Permanence)

    /// Its first Paris day (`YYYY-MM-DD`, which sorts as text), then its start: to list entries
    /// of several members soonest first.
    var start: (day: String, minute: Int) {
        switch self {
        case .absence(let absence): return (absence.firstDay, 0)
        case .permanence(let permanence): return (permanence.day, permanence.startMinute)
        }
    }
}

/// What the member is adding, in its sheet.
enum AvailabilityForm: String, Identifiable {
    case absence, permanence
    var id: String { rawValue }
}

/// A new absence as picked: the first and last days, both included.
struct AbsenceDraft: Equatable {
    var firstDay: Date
    var lastDay: Date
}

/// A new permanence as picked: one of the member's specialties, a day, start and end.
struct PermanenceDraft: Equatable {
    var specialty: String?
    var day: Date
    var startMinute = 8 * 60
    var endMinute = 12 * 60
}

/// "Mes disponibilités": the signed-in member's own absences and one-off permanences to come in
/// a CPTS, beside the coordinator's weekly rota (which stays the default). They add an absence
/// (first and last day) or a permanence (one of their specialties, a day, start and end) and
/// withdraw either. What was picked is sent as it is: whether it is valid (a day gone, an overlap,
/// a specialty not theirs…) is the core's to say, and what is shown is the core's answer.
@MainActor
final class AvailabilityViewModel: ObservableObject {
    @Published private(set) var availability = Availability.empty
    /// The member's specialties in the directory, what a permanence is offered for (the core
    /// refuses any other).
    @Published private(set) var mySpecialties: [String] = []
    @Published private(set) var isLoading = false
    /// Set once the member's availability was read.
    @Published private(set) var loaded = false
    /// A change is on its way: the buttons wait.
    @Published private(set) var saving = false
    /// The sheet of a new absence or permanence, while open.
    @Published var form: AvailabilityForm?
    @Published var absenceDraft: AbsenceDraft
    @Published var permanenceDraft: PermanenceDraft
    @Published var error: ServiceError?

    let cpts: Cpts
    let specialties: [Specialty]
    private let directory: DirectoryService
    private let me: UserID
    /// The date pickers' time zone: the day they showed is the day sent.
    private let timeZone: TimeZone
    private let now: () -> Date

    init(directory: DirectoryService, cpts: Cpts, me: UserID,
         timeZone: TimeZone = .current, now: @escaping () -> Date = { Date() }) {
        self.directory = directory
        self.cpts = cpts
        self.me = me
        self.timeZone = timeZone
        self.now = now
        specialties = directory.specialties()
        let today = now()
        absenceDraft = AbsenceDraft(firstDay: today, lastDay: today)
        permanenceDraft = PermanenceDraft(specialty: nil, day: today)
    }

    /// A permanence is offered once the member's entry names a specialty.
    var canAddPermanence: Bool {
        loaded && !saving && !mySpecialties.isEmpty
    }

    var canSaveAbsence: Bool { !saving }

    var canSavePermanence: Bool { !saving && permanenceDraft.specialty != nil }

    /// The core's refusal in words; a few read better in this screen's own (the member's own
    /// entry, their own specialties, a permanence's hours).
    var errorKey: String? {
        guard let error else { return nil }
        switch error {
        case .notInDirectory: return "availability.error.notInDirectory"
        case .invalidSlot(.notMemberSpecialty): return "availability.error.notMemberSpecialty"
        case .invalidSlot(.outsideDay): return "availability.error.outsideDay"
        default: return error.localizationKey
        }
    }

    func load() async {
        isLoading = true
        defer { isLoading = false }
        do {
            let declared = try await directory.myAvailability(in: cpts.id)
            let entries = try await directory.search(in: cpts.id, specialty: nil, name: nil)
            availability = declared
            mySpecialties = entries.first { $0.userID == me }?.specialties ?? []
            loaded = true
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// Opens the sheet of a new absence or permanence: today, the member's first specialty.
    func startAdding(_ form: AvailabilityForm) {
        guard loaded, !saving else { return }
        if form == .permanence && mySpecialties.isEmpty { return }
        let today = now()
        absenceDraft = AbsenceDraft(firstDay: today, lastDay: today)
        permanenceDraft = PermanenceDraft(specialty: mySpecialties.first, day: today)
        error = nil
        self.form = form
    }

    func cancelAdding() {
        error = nil
        form = nil
    }

    /// Declares the absence as picked; the sheet closes once the core accepted it and stays,
    /// with what was picked, when it refused.
    func addAbsence() async {
        guard canSaveAbsence else { return }
        let absence = Absence(firstDay: CalendarDay.string(from: absenceDraft.firstDay, timeZone: timeZone),
                              lastDay: CalendarDay.string(from: absenceDraft.lastDay, timeZone: timeZone))
        if await change({ try await self.directory.addAbsence(absence, in: self.cpts.id) }) {
            form = nil
        }
    }

    /// Declares the permanence as picked; as for an absence, the sheet stays when refused.
    func addPermanence() async {
        guard canSavePermanence, let specialty = permanenceDraft.specialty else { return }
        let permanence = Permanence(specialty: specialty,
                                    day: CalendarDay.string(from: permanenceDraft.day, timeZone: timeZone),
                                    startMinute: permanenceDraft.startMinute, endMinute: permanenceDraft.endMinute)
        if await change({ try await self.directory.addPermanence(permanence, in: self.cpts.id) }) {
            form = nil
        }
    }

    /// Withdraws an absence or a permanence as the core gave it.
    func withdraw(_ entry: AvailabilityEntry) async {
        guard !saving else { return }
        switch entry {
        case .absence(let absence):
            await change { try await self.directory.removeAbsence(absence, in: self.cpts.id) }
        case .permanence(let permanence):
            await change { try await self.directory.removePermanence(permanence, in: self.cpts.id) }
        }
    }

    /// Sends one change and shows the member's availability as the core answers it; `false` when
    /// refused (the list shown is unchanged and the error says why). An entry the core no longer
    /// has (withdrawn from another device) has the list read again.
    @discardableResult
    private func change(_ call: () async throws -> Availability) async -> Bool {
        saving = true
        error = nil
        defer { saving = false }
        do {
            availability = try await call()
            return true
        } catch {
            let refusal = ServiceError.from(error)
            self.error = refusal
            if refusal == .invalidAvailability(.noSuchEntry) {
                let fresh = try? await directory.myAvailability(in: cpts.id)
                if let fresh { availability = fresh }
            }
            return false
        }
    }
}
