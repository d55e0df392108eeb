@testable import Innomed
@testable import InnomedServices
import XCTest

/// The duty rota by week: read by every member, changed by the coordinator only. Each change
/// sends the member's whole new list of slots and the rota is read again; the core's refusals
/// (scripted here as it would give them) are shown as it says, the rota unchanged.
@MainActor
final class RotaViewModelTests: XCTestCase {
    private let cpts = RotaFixtures.cpts
    private let monday = DutySlot(specialty: "dermatology", weekday: .monday, startMinute: 14 * 60, endMinute: 18 * 60)
    private let mondayMorning = DutySlot(specialty: "dermatology", weekday: .monday,
                                         startMinute: 9 * 60, endMinute: 12 * 60)

    func testTheWeekIsMondayFirstEachDayByStartTimeAndNamedFromTheDirectory() async {
        let early = DutySlot(specialty: "dermatology", weekday: .monday, startMinute: 7 * 60, endMinute: 9 * 60)
        let saturday = DutySlot(specialty: "dermatology", weekday: .saturday,
                                startMinute: 8 * 60 + 30, endMinute: 12 * 60)
        let (directory, _) = RotaFixtures.directory(coordinator: false, duties: [
            MemberDuty(userID: RotaFixtures.benali, slots: [monday, saturday]),
            MemberDuty(userID: RotaFixtures.lefevre, slots: [mondayMorning]),
            MemberDuty(userID: RotaFixtures.stranger, slots: [early]),
        ])
        let viewModel = RotaViewModel(directory: directory, cpts: cpts)

        await viewModel.load()

        XCTAssertTrue(viewModel.loaded)
        XCTAssertNil(viewModel.error)
        let week = viewModel.week
        XCTAssertEqual(week.map(\.weekday), Weekday.allCases, "Monday to Sunday, every day")
        let mondayLines = week[0].lines
        XCTAssertEqual(mondayLines.map(\.name), ["@z9y8x7:cpts.test", "Dr Léa Lefèvre", "Samira Benali"],
                       "by start time; named from the directory, else by id")
        XCTAssertEqual(mondayLines.map(\.hours), ["07:00–09:00", "09:00–12:00", "14:00–18:00"])
        XCTAssertNil(mondayLines[0].member, "not in the directory")
        XCTAssertEqual(mondayLines.map(\.addsDoctorTitle), [false, false, true],
                       "a physician is titled once; an unknown id is not")
        XCTAssertEqual(week[5].weekday, .saturday)
        XCTAssertEqual(week[5].lines.map(\.userID), [RotaFixtures.benali])
        XCTAssertEqual(week[5].lines.first?.hours, "08:30–12:00")
        XCTAssertTrue([1, 2, 3, 4, 6].allSatisfy { week[$0].lines.isEmpty })
    }

    func testAMemberReadsTheRotaButCannotChangeIt() async {
        let (directory, _) = RotaFixtures.directory(coordinator: false, duties: [
            MemberDuty(userID: RotaFixtures.benali, slots: [monday]),
        ])
        let viewModel = RotaViewModel(directory: directory, cpts: cpts)
        await viewModel.load()
        XCTAssertFalse(viewModel.isCoordinator)

        viewModel.startAdding()
        XCTAssertFalse(viewModel.isAdding, "no sheet for a member")
        viewModel.choose(member: RotaFixtures.benali)
        XCTAssertFalse(viewModel.canSave)
        await viewModel.addSlot()
        await viewModel.remove(viewModel.week[0].lines[0])

        XCTAssertTrue(directory.dutyChanges.isEmpty, "nothing is sent")
        XCTAssertEqual(viewModel.week[0].lines.map(\.slot), [monday])
    }

    func testTheCoordinatorAddsASlotToTheMembersWholeWeekThenReadsTheRotaAgain() async {
        let (directory, reads) = RotaFixtures.directory(coordinator: true, duties: [
            MemberDuty(userID: RotaFixtures.benali, slots: [monday]),
        ])
        let viewModel = RotaViewModel(directory: directory, cpts: cpts)
        await viewModel.load()
        XCTAssertTrue(viewModel.isCoordinator)

        viewModel.startAdding()
        XCTAssertTrue(viewModel.isAdding)
        XCTAssertFalse(viewModel.canSave, "a member and a specialty are needed first")
        viewModel.choose(member: RotaFixtures.benali)
        XCTAssertEqual(viewModel.draft.specialty, "dermatology", "her own specialty")
        viewModel.draft.weekday = .saturday
        viewModel.draft.startMinute = 8 * 60 + 30
        viewModel.draft.endMinute = 12 * 60
        XCTAssertTrue(viewModel.canSave)
        await viewModel.addSlot()

        let saturday = DutySlot(specialty: "dermatology", weekday: .saturday,
                                startMinute: 8 * 60 + 30, endMinute: 12 * 60)
        XCTAssertEqual(directory.dutyChanges, [DutyChange(user: RotaFixtures.benali, cpts: cpts.id,
                                                     slots: [monday, saturday])],
                       "her whole week, the new slot added")
        XCTAssertFalse(viewModel.isAdding, "the sheet closes")
        XCTAssertFalse(viewModel.saving)
        XCTAssertNil(viewModel.error)
        XCTAssertEqual(reads.count, 2, "the rota is the core's again after the change")
        XCTAssertEqual(viewModel.week[5].lines.map(\.slot), [saturday])
    }

    func testTheSheetOffersTheChosenMembersSpecialtiesOnly() async {
        let (directory, _) = RotaFixtures.directory(coordinator: true, duties: [])
        let viewModel = RotaViewModel(directory: directory, cpts: cpts)
        await viewModel.load()
        viewModel.startAdding()

        XCTAssertEqual(viewModel.assignable.map(\.userID), [RotaFixtures.benali, RotaFixtures.lefevre,
                                                            RotaFixtures.martin, RotaFixtures.retired],
                       "retired specialists hold permanences; members without a specialty aside")
        viewModel.choose(member: RotaFixtures.martin)
        XCTAssertEqual(viewModel.draftSpecialties, ["general_practice", "geriatrics"])
        XCTAssertEqual(viewModel.draft.specialty, "general_practice")
        viewModel.draft.specialty = "geriatrics"
        viewModel.choose(member: RotaFixtures.martin)
        XCTAssertEqual(viewModel.draft.specialty, "geriatrics", "the same member keeps the choice")
        viewModel.choose(member: RotaFixtures.benali)
        XCTAssertEqual(viewModel.draft.specialty, "dermatology")
    }

    func testTheCoordinatorRemovesOneSlotAndKeepsTheMembersOthers() async {
        let (directory, _) = RotaFixtures.directory(coordinator: true, duties: [
            MemberDuty(userID: RotaFixtures.benali, slots: [monday, mondayMorning]),
        ])
        let viewModel = RotaViewModel(directory: directory, cpts: cpts)
        await viewModel.load()

        let line = viewModel.week[0].lines.first { $0.slot == mondayMorning }
        XCTAssertNotNil(line)
        if let line { await viewModel.remove(line) }

        XCTAssertEqual(directory.dutyChanges, [DutyChange(user: RotaFixtures.benali, cpts: cpts.id, slots: [monday])])
        XCTAssertEqual(viewModel.week[0].lines.map(\.slot), [monday])
        XCTAssertNil(viewModel.error)
    }

    func testARefusedSlotIsShownAsTheCoreSaysAndTheRotaIsUnchanged() async {
        let (directory, reads) = RotaFixtures.directory(coordinator: true, duties: [
            MemberDuty(userID: RotaFixtures.benali, slots: [monday]),
        ])
        directory.onSetDuty = { _, _, _ in throw ServiceError.invalidSlot(.outsideDay) }
        let viewModel = RotaViewModel(directory: directory, cpts: cpts)
        await viewModel.load()

        viewModel.startAdding()
        viewModel.choose(member: RotaFixtures.benali)
        viewModel.draft.startMinute = 18 * 60
        viewModel.draft.endMinute = 8 * 60
        await viewModel.addSlot()

        XCTAssertEqual(directory.dutyChanges.map(\.slots.count), [2], "sent as chosen: the core checks it")
        XCTAssertEqual(viewModel.error, .invalidSlot(.outsideDay))
        XCTAssertEqual(viewModel.error?.localizationKey, "error.invalidSlot.outsideDay")
        XCTAssertTrue(viewModel.isAdding, "the coordinator reads why in the sheet")
        XCTAssertEqual(viewModel.draft.startMinute, 18 * 60, "what was chosen stays")
        XCTAssertFalse(viewModel.saving)
        XCTAssertEqual(reads.count, 1)
        XCTAssertEqual(viewModel.week[0].lines.map(\.slot), [monday])
        XCTAssertTrue(viewModel.week.dropFirst().allSatisfy { $0.lines.isEmpty })
    }

    func testARemovalTheHomeserverRefusesIsShownAndNothingChanges() async {
        let (directory, _) = RotaFixtures.directory(coordinator: true, duties: [
            MemberDuty(userID: RotaFixtures.benali, slots: [monday]),
        ])
        directory.onSetDuty = { _, _, _ in throw ServiceError.coordinatorOnly }
        let viewModel = RotaViewModel(directory: directory, cpts: cpts)
        await viewModel.load()

        await viewModel.remove(viewModel.week[0].lines[0])

        XCTAssertEqual(directory.dutyChanges, [DutyChange(user: RotaFixtures.benali, cpts: cpts.id, slots: [])])
        XCTAssertEqual(viewModel.error, .coordinatorOnly)
        XCTAssertEqual(viewModel.week[0].lines.map(\.slot), [monday])
    }

    func testARotaThatCannotBeReadSaysWhy() async {
        let (directory, _) = RotaFixtures.directory(coordinator: false, duties: [])
        directory.onRota = { _ in throw ServiceError.homeserverUnreachable }
        let viewModel = RotaViewModel(directory: directory, cpts: cpts)

        await viewModel.load()

        XCTAssertEqual(viewModel.error, .homeserverUnreachable)
        XCTAssertFalse(viewModel.loaded)
        XCTAssertFalse(viewModel.isLoading)
    }

    func testTheMembersDeclaredAbsencesAndPermanencesAreListedSoonestFirstAndNamed() async {
        let away = Absence(firstDay: "2031-03-10", lastDay: "2031-03-14")
        let extra = Permanence(specialty: "dermatology", day: "2031-03-08", startMinute: 9 * 60, endMinute: 12 * 60)
        let sameDay = Permanence(specialty: "geriatrics", day: "2031-03-08", startMinute: 14 * 60, endMinute: 18 * 60)
        let strangerAway = Absence(firstDay: "2031-03-08", lastDay: "2031-03-08")
        let (directory, _) = RotaFixtures.directory(coordinator: true, duties: [
            MemberDuty(userID: RotaFixtures.benali, slots: [monday]),
        ], declared: [
            MemberAvailability(userID: RotaFixtures.benali,
                               availability: Availability(absences: [away], permanences: [extra])),
            MemberAvailability(userID: RotaFixtures.martin,
                               availability: Availability(absences: [], permanences: [sameDay])),
            MemberAvailability(userID: RotaFixtures.stranger,
                               availability: Availability(absences: [strangerAway], permanences: [])),
        ])
        let viewModel = RotaViewModel(directory: directory, cpts: cpts)

        await viewModel.load()

        XCTAssertNil(viewModel.error)
        let lines = viewModel.declaredLines
        XCTAssertEqual(lines.map(\.entry), [.absence(strangerAway), .permanence(extra), .permanence(sameDay),
                                            .absence(away)],
                       "by first day, then start, as the core gave them (nothing judged here)")
        XCTAssertEqual(lines.map(\.name), ["@z9y8x7:cpts.test", "Samira Benali", "Paul Martin", "Samira Benali"],
                       "named from the directory, else by id")
        XCTAssertEqual(lines.map(\.addsDoctorTitle), [false, true, true, true])
        XCTAssertEqual(Set(lines.map(\.id)).count, lines.count, "one row each")
        XCTAssertEqual(viewModel.week[0].lines.map(\.slot), [monday], "the weekly rota stays as it is")
    }

    func testARotaWithNothingDeclaredHasNoDeclaredLines() async {
        let (directory, _) = RotaFixtures.directory(coordinator: false, duties: [])
        let viewModel = RotaViewModel(directory: directory, cpts: cpts)

        await viewModel.load()

        XCTAssertTrue(viewModel.loaded)
        XCTAssertTrue(viewModel.declaredLines.isEmpty)
    }

    func testTimesAreShownAsOnAClock() {
        XCTAssertEqual(RotaTime.format(485), "08:05")
        XCTAssertEqual(RotaTime.format(24 * 60), "24:00")
        XCTAssertEqual(RotaTime.choices.first, 0)
        XCTAssertEqual(RotaTime.choices.last, 24 * 60)
        XCTAssertEqual(RotaTime.choices.count, 97)
    }
}

private typealias DutyChange = FakeDirectoryService.DutyChange

/// How many times the rota was read.
private final class Reads {
    var count = 0
}

private enum RotaFixtures {
    static let cpts = Cpts(id: CptsID("!cpts:cpts.test"), name: "CPTS Test", isJoined: true)
    static let benali = UserID("@dr.benali:cpts.test")
    static let lefevre = UserID("@dr.lefevre:cpts.test")
    static let martin = UserID("@dr.martin:cpts.test")
    static let retired = UserID("@dr.durand:cpts.test")
    static let nurse = UserID("@ide.roux:cpts.test")
    static let stranger = UserID("@z9y8x7:cpts.test")

    static let members = [
        RotaFixtures.member(benali, "Samira Benali", ["dermatology"]),
        RotaFixtures.member(lefevre, "Dr Léa Lefèvre", ["dermatology"]),
        RotaFixtures.member(martin, "Paul Martin", ["general_practice", "geriatrics"]),
        RotaFixtures.member(retired, "Jean Durand", ["cardiology"], retired: true),
        MemberEntry(userID: nurse, displayName: "Claire Roux", profession: .nurse, specialties: [],
                    rpps: "10009999999", retired: false),
    ]

    static func member(_ id: UserID, _ name: String, _ specialties: [String], retired: Bool = false) -> MemberEntry {
        MemberEntry(userID: id, displayName: name, profession: .physician, specialties: specialties,
                    rpps: "10001234567", retired: retired)
    }

    /// A directory whose rota holds `duties` and takes every change (the member's list replaced),
    /// as the core would, and whose members declared `declared`; `Reads` counts the rota's reads.
    static func directory(coordinator: Bool, duties: [MemberDuty],
                          declared: [MemberAvailability] = []) -> (FakeDirectoryService, Reads) {
        let directory = FakeDirectoryService()
        let reads = Reads()
        var held = duties
        directory.onIsCoordinator = { _ in coordinator }
        directory.onAvailabilities = { _ in declared }
        directory.onSearch = { _, specialty, name in
            XCTAssertNil(specialty)
            XCTAssertNil(name)
            return members
        }
        directory.onRota = { _ in
            reads.count += 1
            return held
        }
        directory.onSetDuty = { user, _, slots in
            held.removeAll { $0.userID == user }
            if !slots.isEmpty { held.append(MemberDuty(userID: user, slots: slots)) }
        }
        return (directory, reads)
    }
}
