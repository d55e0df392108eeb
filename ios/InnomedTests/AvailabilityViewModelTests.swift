@testable import Innomed
@testable import InnomedServices
import XCTest

/// "Mes disponibilités": the member's own absences and permanences to come, as the core gives
/// them. What was picked is sent as it is (the days as the pickers showed them, `YYYY-MM-DD`);
/// whether it is valid is the core's to say, and its refusals (scripted here as it would give
/// them) show in words, what was picked kept, the list unchanged.
@MainActor
final class AvailabilityViewModelTests: XCTestCase {
    private let cpts = AvailabilityFixtures.cpts
    private let paris = AvailabilityFixtures.paris

    func testTheMembersAvailabilityAndOwnSpecialtiesAreTheCores() async {
        let declared = Availability(absences: [AvailabilityFixtures.away], permanences: [AvailabilityFixtures.extra])
        let directory = AvailabilityFixtures.directory(declared: declared)
        let viewModel = AvailabilityFixtures.viewModel(directory)
        XCTAssertFalse(viewModel.canAddPermanence, "nothing before the first read")

        await viewModel.load()

        XCTAssertTrue(viewModel.loaded)
        XCTAssertNil(viewModel.error)
        XCTAssertEqual(viewModel.availability, declared)
        XCTAssertEqual(viewModel.mySpecialties, ["dermatology", "allergology"], "her own entry's, in its order")
        XCTAssertTrue(viewModel.canAddPermanence)
    }

    func testAnAbsenceIsSentAsPickedAndTheCoresAnswerShown() async {
        let directory = AvailabilityFixtures.directory(declared: .empty)
        let answer = Availability(absences: [Absence(firstDay: "2031-03-10", lastDay: "2031-03-14")], permanences: [])
        directory.onAvailabilityChange = { _ in answer }
        let viewModel = AvailabilityFixtures.viewModel(directory)
        await viewModel.load()

        viewModel.startAdding(.absence)
        XCTAssertEqual(viewModel.form, .absence)
        XCTAssertTrue(viewModel.canSaveAbsence)
        // Just after midnight in Paris, still the day before in UTC: the day the picker showed is sent.
        viewModel.absenceDraft.firstDay = AvailabilityFixtures.date("2031-03-10T00:30:00+01:00")
        viewModel.absenceDraft.lastDay = AvailabilityFixtures.date("2031-03-14T00:15:00+01:00")
        await viewModel.addAbsence()

        XCTAssertEqual(directory.availabilityChanges,
                       [.addAbsence(Absence(firstDay: "2031-03-10", lastDay: "2031-03-14"), cpts.id)])
        XCTAssertEqual(viewModel.availability, answer, "what the core answered, not what was sent")
        XCTAssertNil(viewModel.form, "the sheet closes")
        XCTAssertFalse(viewModel.saving)
        XCTAssertNil(viewModel.error)
    }

    func testARefusedAbsenceSaysWhyInTheSheetWithWhatWasPicked() async {
        let directory = AvailabilityFixtures.directory(declared: .empty)
        directory.onAvailabilityChange = { _ in throw ServiceError.invalidAvailability(.endsBeforeStart) }
        let viewModel = AvailabilityFixtures.viewModel(directory)
        await viewModel.load()

        viewModel.startAdding(.absence)
        let first = AvailabilityFixtures.date("2031-03-14T10:00:00+01:00")
        viewModel.absenceDraft.firstDay = first
        viewModel.absenceDraft.lastDay = AvailabilityFixtures.date("2031-03-10T10:00:00+01:00")
        await viewModel.addAbsence()

        XCTAssertEqual(directory.availabilityChanges,
                       [.addAbsence(Absence(firstDay: "2031-03-14", lastDay: "2031-03-10"), cpts.id)],
                       "sent as picked: the core checks it")
        XCTAssertEqual(viewModel.error, .invalidAvailability(.endsBeforeStart))
        XCTAssertEqual(viewModel.errorKey, "error.invalidAvailability.endsBeforeStart")
        XCTAssertEqual(viewModel.form, .absence, "the member reads why in the sheet")
        XCTAssertEqual(viewModel.absenceDraft.firstDay, first, "what was picked stays")
        XCTAssertEqual(viewModel.availability, .empty)
        XCTAssertFalse(viewModel.saving)

        viewModel.cancelAdding()
        XCTAssertNil(viewModel.form)
        XCTAssertNil(viewModel.error)
    }

    func testAPermanenceIsForOneOfTheMembersSpecialtiesAsPicked() async {
        let directory = AvailabilityFixtures.directory(declared: .empty)
        let answer = Availability(absences: [], permanences: [AvailabilityFixtures.extra])
        directory.onAvailabilityChange = { _ in answer }
        let viewModel = AvailabilityFixtures.viewModel(directory)
        await viewModel.load()

        viewModel.startAdding(.permanence)
        XCTAssertEqual(viewModel.form, .permanence)
        XCTAssertEqual(viewModel.permanenceDraft.specialty, "dermatology", "her first specialty")
        viewModel.permanenceDraft.specialty = "allergology"
        viewModel.permanenceDraft.day = AvailabilityFixtures.date("2031-03-08T07:00:00+01:00")
        viewModel.permanenceDraft.startMinute = 9 * 60
        viewModel.permanenceDraft.endMinute = 24 * 60
        XCTAssertTrue(viewModel.canSavePermanence)
        await viewModel.addPermanence()

        XCTAssertEqual(directory.availabilityChanges, [.addPermanence(
            Permanence(specialty: "allergology", day: "2031-03-08", startMinute: 540, endMinute: 1440), cpts.id)])
        XCTAssertEqual(viewModel.availability, answer)
        XCTAssertNil(viewModel.form)
    }

    func testARefusedPermanenceReadsInTheMembersOwnWords() async {
        let directory = AvailabilityFixtures.directory(declared: .empty)
        var refusal = ServiceError.invalidSlot(.notMemberSpecialty)
        directory.onAvailabilityChange = { _ in throw refusal }
        let viewModel = AvailabilityFixtures.viewModel(directory)
        await viewModel.load()
        viewModel.startAdding(.permanence)

        await viewModel.addPermanence()
        XCTAssertEqual(viewModel.errorKey, "availability.error.notMemberSpecialty", "her specialties, not \"this doctor's\"")
        XCTAssertEqual(viewModel.form, .permanence)

        refusal = .invalidSlot(.outsideDay)
        await viewModel.addPermanence()
        XCTAssertEqual(viewModel.errorKey, "availability.error.outsideDay")

        refusal = .notInDirectory
        await viewModel.addPermanence()
        XCTAssertEqual(viewModel.errorKey, "availability.error.notInDirectory")

        refusal = .availabilityNotOpen
        await viewModel.addPermanence()
        XCTAssertEqual(viewModel.errorKey, "error.availabilityNotOpen", "a space made before this feature")

        refusal = .invalidAvailability(.overlapping)
        await viewModel.addPermanence()
        XCTAssertEqual(viewModel.errorKey, "error.invalidAvailability.overlapping")

        XCTAssertEqual(directory.availabilityChanges.count, 5)
        XCTAssertEqual(viewModel.availability, .empty)
    }

    func testWithdrawingSendsTheEntryAsTheCoreGaveItAndShowsItsAnswer() async {
        let declared = Availability(absences: [AvailabilityFixtures.away], permanences: [AvailabilityFixtures.extra])
        let directory = AvailabilityFixtures.directory(declared: declared)
        directory.onAvailabilityChange = { change in
            switch change {
            case .removeAbsence: return Availability(absences: [], permanences: [AvailabilityFixtures.extra])
            default: return .empty
            }
        }
        let viewModel = AvailabilityFixtures.viewModel(directory)
        await viewModel.load()

        await viewModel.withdraw(.absence(AvailabilityFixtures.away))
        XCTAssertEqual(viewModel.availability.absences, [])
        await viewModel.withdraw(.permanence(AvailabilityFixtures.extra))

        XCTAssertEqual(directory.availabilityChanges, [
            .removeAbsence(AvailabilityFixtures.away, cpts.id),
            .removePermanence(AvailabilityFixtures.extra, cpts.id),
        ])
        XCTAssertEqual(viewModel.availability, .empty)
        XCTAssertNil(viewModel.error)
    }

    func testAnEntryTheCoreNoLongerHasIsSaidAndTheListReadAgain() async {
        let directory = AvailabilityFixtures.directory(declared: .empty)
        var reads = 0
        directory.onMyAvailability = { _ in
            reads += 1
            return reads == 1 ? Availability(absences: [AvailabilityFixtures.away], permanences: []) : .empty
        }
        directory.onAvailabilityChange = { _ in throw ServiceError.invalidAvailability(.noSuchEntry) }
        let viewModel = AvailabilityFixtures.viewModel(directory)
        await viewModel.load()

        await viewModel.withdraw(.absence(AvailabilityFixtures.away))

        XCTAssertEqual(viewModel.error, .invalidAvailability(.noSuchEntry))
        XCTAssertEqual(reads, 2)
        XCTAssertEqual(viewModel.availability, .empty, "as the core now has it")
    }

    func testAMemberWithoutSpecialtyIsNotOfferedAPermanence() async {
        let directory = AvailabilityFixtures.directory(declared: .empty, me: AvailabilityFixtures.nurse)
        let viewModel = AvailabilityFixtures.viewModel(directory, me: AvailabilityFixtures.nurse.userID)
        await viewModel.load()

        XCTAssertTrue(viewModel.mySpecialties.isEmpty)
        XCTAssertFalse(viewModel.canAddPermanence)
        viewModel.startAdding(.permanence)
        XCTAssertNil(viewModel.form)
        viewModel.startAdding(.absence)
        XCTAssertEqual(viewModel.form, .absence, "an absence is still the core's to judge")
    }

    func testAnAvailabilityThatCannotBeReadSaysWhy() async {
        let directory = AvailabilityFixtures.directory(declared: .empty)
        directory.onMyAvailability = { _ in throw ServiceError.homeserverUnreachable }
        let viewModel = AvailabilityFixtures.viewModel(directory)

        await viewModel.load()

        XCTAssertEqual(viewModel.error, .homeserverUnreachable)
        XCTAssertFalse(viewModel.loaded)
        XCTAssertFalse(viewModel.isLoading)
        viewModel.startAdding(.absence)
        XCTAssertNil(viewModel.form, "nothing to add to before the list was read")
    }

    func testPickedDaysAreWrittenAsThePickerShowedThem() {
        let lateEvening = AvailabilityFixtures.date("2031-12-31T23:30:00+01:00")
        XCTAssertEqual(CalendarDay.string(from: lateEvening, timeZone: paris), "2031-12-31")
        XCTAssertEqual(CalendarDay.string(from: lateEvening, timeZone: TimeZone(identifier: "UTC")!), "2031-12-31",
                       "22:30 UTC")
        XCTAssertEqual(CalendarDay.string(from: lateEvening, timeZone: TimeZone(identifier: "Asia/Tokyo")!), "2032-01-01")
        XCTAssertNotNil(CalendarDay.date(from: "2032-02-29"))
        XCTAssertNil(CalendarDay.date(from: "2031-02-29"), "not a day: shown as written")
        XCTAssertNil(CalendarDay.date(from: "31/12/2031"))
    }
}

private enum AvailabilityFixtures {
    static let cpts = Cpts(id: CptsID("!cpts:cpts.test"), name: "CPTS Test", isJoined: true)
    static let paris = TimeZone(identifier: "Europe/Paris")!
    static let benali = MemberEntry(userID: UserID("@dr.benali:cpts.test"), displayName: "Samira Benali",
                                    profession: .physician, specialties: ["dermatology", "allergology"],
                                    rpps: "10001234567", retired: false)
    static let nurse = MemberEntry(userID: UserID("@ide.roux:cpts.test"), displayName: "Claire Roux",
                                   profession: .nurse, specialties: [], rpps: "10009999999", retired: false)
    static let away = Absence(firstDay: "2031-03-10", lastDay: "2031-03-14")
    static let extra = Permanence(specialty: "dermatology", day: "2031-03-08", startMinute: 9 * 60, endMinute: 12 * 60)

    /// The CPTS's directory holds `me` (and a colleague); the core's availability of the member
    /// is `declared` until a test scripts it otherwise.
    static func directory(declared: Availability, me: MemberEntry = benali) -> FakeDirectoryService {
        let directory = FakeDirectoryService()
        directory.cptsSpaces = [cpts]
        directory.options = [
            Specialty(code: "allergology", labelFr: "Allergologie", labelEn: "Allergology"),
            Specialty(code: "dermatology", labelFr: "Dermatologie", labelEn: "Dermatology"),
        ]
        let colleague = MemberEntry(userID: UserID("@dr.lefevre:cpts.test"), displayName: "Léa Lefèvre",
                                    profession: .physician, specialties: ["cardiology"], rpps: "10007654321",
                                    retired: false)
        directory.onSearch = { _, specialty, name in
            XCTAssertNil(specialty)
            XCTAssertNil(name)
            return [colleague, me]
        }
        directory.onMyAvailability = { id in
            XCTAssertEqual(id, cpts.id)
            return declared
        }
        return directory
    }

    static func viewModel(_ directory: FakeDirectoryService, me: UserID = benali.userID) -> AvailabilityViewModel {
        AvailabilityViewModel(directory: directory, cpts: cpts, me: me, timeZone: paris,
                              now: { date("2031-03-01T10:00:00+01:00") })
    }

    static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }
}
