@testable import Innomed
@testable import InnomedServices
import XCTest

/// A doctor opens a case between colleagues (no CPTS) and invites them by identifier; whether
/// the case and each invitation hold is the core's answer (scripted here as it would give it).
/// A refused invitation keeps the case and is said in words, colleague by colleague.
@MainActor
final class ColleagueCaseViewModelTests: XCTestCase {
    private let room = CaseID("!confreres:cpts.test")
    private let derm = Fixtures.dermatologist
    private let cardio = UserID("@dr.roux:cpts.test")
    private let otherDerm = UserID("@dr.lefevre:cpts.test")

    private func fillHeader(_ viewModel: ColleagueCaseViewModel) {
        viewModel.draft.patientLabel = " J.D. "
        viewModel.draft.ageBand = .senior
        viewModel.draft.sex = .female
        viewModel.draft.reason = "Lésion pigmentée du dos, évolutive depuis 3 mois"
        viewModel.draft.question = "Exérèse à prévoir ? "
        viewModel.draft.photoConsent = true
        viewModel.urgency = .soon
    }

    private func add(_ id: String, to viewModel: ColleagueCaseViewModel) {
        viewModel.colleagueInput = id
        viewModel.addColleague()
    }

    func testColleaguesAreAddedOnceEachInOrderTheFieldEmptiedABlankOneNotAdded() {
        let viewModel = ColleagueCaseViewModel(cases: FakeCaseService())
        add(" \(derm.rawValue) ", to: viewModel)
        XCTAssertEqual(viewModel.colleagueInput, "", "the field is emptied")
        add(cardio.rawValue, to: viewModel)
        add(derm.rawValue, to: viewModel)
        add("   ", to: viewModel)

        XCTAssertEqual(viewModel.colleagues, [derm, cardio])
        XCTAssertEqual(viewModel.colleagueInput, "   ", "a blank identifier stays where it was typed")
        XCTAssertFalse(viewModel.canAddColleague)

        viewModel.remove(derm)
        XCTAssertEqual(viewModel.colleagues, [cardio])
    }

    func testEmptyFieldsKeepTheButtonOffAndAColleagueIsNeeded() async {
        // `onCreate` stays unstubbed: opening a case would fail the test.
        let cases = FakeCaseService()
        let viewModel = ColleagueCaseViewModel(cases: cases)
        XCTAssertFalse(viewModel.canSubmit)
        fillHeader(viewModel)
        XCTAssertFalse(viewModel.canSubmit, "no colleague yet")
        add(derm.rawValue, to: viewModel)
        XCTAssertTrue(viewModel.canSubmit)
        viewModel.draft.question = " "
        XCTAssertFalse(viewModel.canSubmit)

        await viewModel.submit()

        XCTAssertTrue(cases.created.isEmpty)
        XCTAssertTrue(cases.invited.isEmpty)
    }

    func testTheCaseIsCreatedOnceThenEachColleagueInvitedInOrderThenOpened() async {
        let cases = FakeCaseService()
        let viewModel = ColleagueCaseViewModel(cases: cases)
        cases.onCreate = { _ in
            XCTAssertTrue(viewModel.isSubmitting)
            XCTAssertFalse(viewModel.canSubmit, "one case per tap")
            return self.room
        }
        fillHeader(viewModel)
        add(derm.rawValue, to: viewModel)
        add(cardio.rawValue, to: viewModel)

        await viewModel.submit()
        await viewModel.submit()

        let header = CaseHeader(patientLabel: "J.D.", ageBand: .senior, sex: .female,
                                reason: "Lésion pigmentée du dos, évolutive depuis 3 mois",
                                question: "Exérèse à prévoir ?", photoConsent: true)
        XCTAssertEqual(cases.created, [NewCase(header: header, specialty: nil, urgency: .soon)],
                       "once, without a specialty: no CPTS routes it")
        XCTAssertEqual(cases.invited.map { $0.0 }, [derm, cardio], "in the order added")
        XCTAssertEqual(cases.invited.map { $0.1 }, [room, room])
        XCTAssertEqual(viewModel.opened, room)
        XCTAssertEqual(viewModel.created, room, "everyone invited: the case opens at once")
        XCTAssertTrue(viewModel.refused.isEmpty)
        XCTAssertFalse(viewModel.isSubmitting)
        XCTAssertFalse(viewModel.canSubmit, "the form is done once the case is open")
        XCTAssertFalse(viewModel.canAddColleague)
    }

    func testARefusedInvitationKeepsTheCaseNamesTheColleagueAndTheReasonAndOpensItOnceRead() async {
        let cases = FakeCaseService()
        cases.onCreate = { _ in self.room }
        let refusals: [UserID: ServiceError] = [otherDerm: .notCrossSigned, cardio: .unknownUser]
        cases.onInvite = { user, _ in
            if let refusal = refusals[user] { throw refusal }
        }
        let viewModel = ColleagueCaseViewModel(cases: cases)
        fillHeader(viewModel)
        add(otherDerm.rawValue, to: viewModel)
        add(derm.rawValue, to: viewModel)
        add(cardio.rawValue, to: viewModel)

        await viewModel.submit()

        XCTAssertEqual(cases.invited.map { $0.0 }, [otherDerm, derm, cardio], "every colleague is tried")
        XCTAssertEqual(viewModel.refused, [RefusedInvitation(colleague: otherDerm, error: .notCrossSigned),
                                           RefusedInvitation(colleague: cardio, error: .unknownUser)])
        XCTAssertEqual(viewModel.refused.map(\.error.localizationKey), ["error.notCrossSigned", "error.unknownUser"],
                       "each reason in its own words")
        XCTAssertEqual(viewModel.opened, room, "the case is kept")
        XCTAssertNil(viewModel.created, "the doctor reads the refusals first")
        XCTAssertNil(viewModel.error, "the case itself was not refused")
        XCTAssertFalse(viewModel.canSubmit, "the case is not opened twice")

        viewModel.openCase()
        XCTAssertEqual(viewModel.created, room)
        XCTAssertEqual(cases.created.count, 1)
    }

    func testAMalformedIdentifierIsTheCoresToRefuseAtItsInvitation() async {
        let cases = FakeCaseService()
        cases.onCreate = { _ in self.room }
        cases.onInvite = { _, _ in throw ServiceError.invalidUserID }
        let viewModel = ColleagueCaseViewModel(cases: cases)
        fillHeader(viewModel)
        add("dr.roux", to: viewModel)
        XCTAssertEqual(viewModel.colleagues, [UserID("dr.roux")], "not judged here")

        await viewModel.submit()

        XCTAssertEqual(viewModel.refused, [RefusedInvitation(colleague: UserID("dr.roux"), error: .invalidUserID)])
        XCTAssertEqual(viewModel.opened, room)
    }

    func testTheCoresRefusalOfTheCaseKeepsWhatWasTypedInvitesNobodyAndClearsOnTheNextChange() async {
        let cases = FakeCaseService()
        cases.onCreate = { _ in throw ServiceError.invalidHeader(.patientLabelTooLong) }
        let viewModel = ColleagueCaseViewModel(cases: cases)
        fillHeader(viewModel)
        add(derm.rawValue, to: viewModel)

        await viewModel.submit()

        XCTAssertEqual(viewModel.error, .invalidHeader(.patientLabelTooLong))
        XCTAssertEqual(viewModel.error?.localizationKey, "error.invalidHeader.patientLabelTooLong")
        XCTAssertTrue(cases.invited.isEmpty)
        XCTAssertNil(viewModel.opened)
        XCTAssertNil(viewModel.created)
        XCTAssertEqual(viewModel.draft.patientLabel, " J.D. ")
        XCTAssertEqual(viewModel.colleagues, [derm])
        XCTAssertTrue(viewModel.canSubmit, "the doctor may correct and try again")

        viewModel.draft.patientLabel = "JD"
        XCTAssertNil(viewModel.error)
    }
}
