import Combine
import Foundation
import InnomedServices

/// One slot of the week, with whose it is: `member` is their directory entry, `nil` when the
/// directory does not know them (the row then shows their id).
struct RotaLine: Identifiable, Hashable {
    let userID: UserID
    let member: MemberEntry?
    let slot: DutySlot
    /// The slot's place in the member's list (two identical slots stay two rows).
    let index: Int
    var id: String { "\(userID.rawValue)#\(index)" }

    /// The directory's name, else the member's id.
    var name: String { member?.displayName ?? userID.rawValue }

    /// A physician is shown "Dr …", unless the directory's name already says so.
    var addsDoctorTitle: Bool { RotaLine.addsDoctorTitle(to: member) }

    static func addsDoctorTitle(to member: MemberEntry?) -> Bool {
        guard let member, member.profession == .physician else { return false }
        let lowered = member.displayName.lowercased()
        return !["dr ", "dr.", "docteur "].contains { lowered.hasPrefix($0) }
    }

    /// `08:00–12:00`.
    var hours: String { "\(RotaTime.format(slot.startMinute))–\(RotaTime.format(slot.endMinute))" }
}

/// One absence or permanence a member declared, with whose it is (`member` `nil` when the
/// directory does not know them).
struct DeclaredLine: Identifiable, Hashable {
    let userID: UserID
    let member: MemberEntry?
    let entry: AvailabilityEntry
    /// The entry's place in the member's list, absences first.
    let index: Int
    var id: String { "\(userID.rawValue)#\(index)" }

    var name: String { member?.displayName ?? userID.rawValue }
    var addsDoctorTitle: Bool { RotaLine.addsDoctorTitle(to: member) }
}

/// One day of the week and its slots, earliest first.
struct RotaDay: Identifiable, Hashable {
    let weekday: Weekday
    let lines: [RotaLine]
    var id: Weekday { weekday }
}

/// The coordinator's new slot, as chosen in the sheet.
struct SlotDraft: Equatable {
    var member: UserID?
    var specialty: String?
    var weekday: Weekday = .monday
    var startMinute = 8 * 60
    var endMinute = 12 * 60
}

/// Times of day as the rota shows and offers them.
enum RotaTime {
    /// Every quarter of an hour from 00:00 to 24:00 (the end of the day), what the sheet offers.
    static let choices = Array(stride(from: 0, through: 24 * 60, by: 15))

    /// 870 → `14:30`; 1440 → `24:00`.
    static func format(_ minutes: Int) -> String {
        String(format: "%02ld:%02ld", minutes / 60, minutes % 60)
    }
}

/// The CPTS's duty rota by week: each day, who is on duty when and for what, named from the
/// directory, and the absences and permanences the members declared themselves. Every member
/// reads it; the coordinator adds a slot (a member, one of their specialties, a day, start and
/// end) or removes one. A change sends the member's whole new list of slots; the core checks it
/// (and the homeserver who sends it), and the rota is read again from the core afterwards.
@MainActor
final class RotaViewModel: ObservableObject {
    @Published private(set) var duties: [MemberDuty] = []
    @Published private(set) var members: [MemberEntry] = []
    /// Each member's own absences and permanences to come, as the core gives them.
    @Published private(set) var declared: [MemberAvailability] = []
    @Published private(set) var isCoordinator = false
    @Published private(set) var isLoading = false
    /// Set once the rota was read (empty days then say nobody is on duty).
    @Published private(set) var loaded = false
    /// A change is on its way: the buttons wait.
    @Published private(set) var saving = false
    /// The coordinator's sheet for a new slot, while open.
    @Published var isAdding = false
    @Published var draft = SlotDraft()
    @Published var error: ServiceError?

    let cpts: Cpts
    let specialties: [Specialty]
    private let directory: DirectoryService

    init(directory: DirectoryService, cpts: Cpts) {
        self.directory = directory
        self.cpts = cpts
        specialties = directory.specialties()
    }

    /// Monday to Sunday, each day's slots by start time (then end, then name).
    var week: [RotaDay] {
        let names = Dictionary(members.map { ($0.userID, $0) }, uniquingKeysWith: { first, _ in first })
        let lines = duties.flatMap { duty in
            duty.slots.enumerated().map { index, slot in
                RotaLine(userID: duty.userID, member: names[duty.userID], slot: slot, index: index)
            }
        }
        return Weekday.allCases.map { day in
            RotaDay(weekday: day, lines: lines.filter { $0.slot.weekday == day }.sorted { a, b in
                (a.slot.startMinute, a.slot.endMinute, a.name) < (b.slot.startMinute, b.slot.endMinute, b.name)
            })
        }
    }

    /// Every member's declared absences and permanences, soonest first (then by name), named
    /// from the directory: beside the weekly slots, the core routes by them.
    var declaredLines: [DeclaredLine] {
        let names = Dictionary(members.map { ($0.userID, $0) }, uniquingKeysWith: { first, _ in first })
        let lines = declared.flatMap { member -> [DeclaredLine] in
            let entries = member.availability.absences.map(AvailabilityEntry.absence)
                + member.availability.permanences.map(AvailabilityEntry.permanence)
            return entries.enumerated().map { index, entry in
                DeclaredLine(userID: member.userID, member: names[member.userID], entry: entry, index: index)
            }
        }
        return lines.sorted { a, b in
            (a.entry.start.day, a.entry.start.minute, a.name) < (b.entry.start.day, b.entry.start.minute, b.name)
        }
    }

    /// Whom a slot can be given to: the directory's members with a specialty (retired
    /// specialists included: they hold permanences).
    var assignable: [MemberEntry] {
        members.filter { !$0.specialties.isEmpty }
    }

    /// The specialties of the member chosen in the sheet (the core refuses any other).
    var draftSpecialties: [String] {
        members.first { $0.userID == draft.member }?.specialties ?? []
    }

    /// What the request needs: a member and a specialty. Whether the slot is valid is the core's
    /// to say.
    var canSave: Bool {
        isCoordinator && !saving && draft.member != nil && draft.specialty != nil
    }

    func load() async {
        isLoading = true
        defer { isLoading = false }
        do {
            let coordinator = try directory.isCoordinator(of: cpts.id)
            let entries = try await directory.search(in: cpts.id, specialty: nil, name: nil)
            let rota = try await directory.rota(in: cpts.id)
            let availabilities = try await directory.availabilities(in: cpts.id)
            isCoordinator = coordinator
            members = entries
            duties = rota
            declared = availabilities
            loaded = true
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    /// Coordinator: opens the sheet for a new slot, nothing chosen yet.
    func startAdding() {
        guard isCoordinator, !saving else { return }
        draft = SlotDraft()
        error = nil
        isAdding = true
    }

    /// Another member: their first specialty is chosen (they may have more).
    func choose(member: UserID?) {
        guard member != draft.member else { return }
        draft.member = member
        draft.specialty = members.first { $0.userID == member }?.specialties.first
    }

    func cancelAdding() {
        error = nil
        isAdding = false
    }

    /// Adds the sheet's slot to the member's week; the sheet closes once the core accepted it
    /// and stays open, with what was chosen, when it refused.
    func addSlot() async {
        guard canSave, let member = draft.member, let specialty = draft.specialty else { return }
        let slot = DutySlot(specialty: specialty, weekday: draft.weekday,
                            startMinute: draft.startMinute, endMinute: draft.endMinute)
        if await change(member, to: slots(of: member) + [slot]) {
            isAdding = false
        }
    }

    /// Coordinator: takes one slot off the member's week, keeping their others.
    func remove(_ line: RotaLine) async {
        guard isCoordinator, !saving else { return }
        var kept = slots(of: line.userID)
        guard kept.indices.contains(line.index), kept[line.index] == line.slot else { return }
        kept.remove(at: line.index)
        await change(line.userID, to: kept)
    }

    private func slots(of user: UserID) -> [DutySlot] {
        duties.first { $0.userID == user }?.slots ?? []
    }

    /// Sends the member's whole new list, then reads the rota again; `false` when refused (the
    /// rota shown is unchanged and the error says why).
    @discardableResult
    private func change(_ user: UserID, to slots: [DutySlot]) async -> Bool {
        saving = true
        error = nil
        defer { saving = false }
        do {
            try await directory.setDuty(user, in: cpts.id, slots: slots)
        } catch {
            self.error = ServiceError.from(error)
            return false
        }
        await load()
        return true
    }
}
