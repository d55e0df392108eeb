@testable import Innomed
@testable import InnomedServices
import XCTest

@MainActor
final class CaseViewModelTests: XCTestCase {
    private let caseID = CaseID("!case:cpts.test")
    private let header = CaseHeader(patientLabel: "M.D.", ageBand: .adult, sex: .female,
                                    reason: "Lésion", question: "Exérèse ?", photoConsent: true)

    /// Without `cases`, nobody in the case is unvouched for, and nobody is named.
    private func makeViewModel(_ conversation: FakeConversationService,
                               cases given: FakeCaseService? = nil) -> CaseViewModel {
        let cases = given ?? FakeCaseService()
        if given == nil {
            cases.onUnvouched = { _ in [] }
            cases.onMembers = { _ in [] }
        }
        cases.conversations[caseID] = conversation
        return CaseViewModel(cases: cases, caseID: caseID,
                             photos: PrivatePhotoStore(directory: Fixtures.temporaryDirectory()))
    }

    func testLoadShowsTheRowsNamesTheRequesterAndMarksRead() async {
        let conversation = FakeConversationService()
        conversation.entryUpdates = [
            [Fixtures.message("$h", from: Fixtures.gp, body: .header(header))],
            [Fixtures.message("$h", from: Fixtures.gp, body: .header(header)),
             Fixtures.message("$a", body: .text("Bonjour"))],
        ]
        let viewModel = makeViewModel(conversation)

        await viewModel.load()

        XCTAssertEqual(viewModel.code, "IM-TEST01")
        XCTAssertEqual(viewModel.entries.map(\.id), ["$h", "$a"])
        XCTAssertEqual(viewModel.requester, Fixtures.gp)
        for _ in 0..<10 where conversation.markReadCount < 2 { await Task.yield() }
        XCTAssertEqual(conversation.markReadCount, 2)
    }

    func testARejectedHeaderShowsAsSuchAndDoesNotNameTheRequester() async {
        let conversation = FakeConversationService()
        conversation.entryUpdates = [[
            Fixtures.message("$h", from: Fixtures.gp, body: .header(header)),
            Fixtures.message("$x", from: Fixtures.dermatologist, body: .rejected(.header, .notFromCreator)),
        ]]
        let viewModel = makeViewModel(conversation)

        await viewModel.load()

        XCTAssertEqual(viewModel.requester, Fixtures.gp)
        guard case .message(let rejected) = viewModel.entries[1].content else { return XCTFail("a message row") }
        XCTAssertEqual(rejected.body, .rejected(.header, .notFromCreator))
    }

    func testMembersNobodyVouchesForAreCheckedAtFirstAndWhenMembershipChanges() async {
        let stranger = UserID("@intrus:elsewhere.test")
        let conversation = FakeConversationService()
        let header = Fixtures.message("$h", from: Fixtures.gp, body: .header(header))
        let joined = Fixtures.message("$j", from: stranger, body: .membership(user: stranger, change: "Joined"))
        conversation.entryUpdates = [
            [header],
            [header, Fixtures.message("$a", body: .text("Bonjour"))],
            [header, Fixtures.message("$a", body: .text("Bonjour")), joined],
        ]
        let cases = FakeCaseService()
        cases.onUnvouched = { _ in [UnvouchedMember(user: stranger, reason: .notInvitedByMember)] }
        cases.onMembers = { _ in [] }
        let viewModel = makeViewModel(conversation, cases: cases)

        await viewModel.load()
        for _ in 0..<10 where cases.unvouchedChecks < 2 || viewModel.unvouched.isEmpty { await Task.yield() }

        XCTAssertEqual(cases.unvouchedChecks, 2, "once when shown, once for the join; not for a text message")
        XCTAssertEqual(viewModel.unvouched, [UnvouchedMember(user: stranger, reason: .notInvitedByMember)])
    }

    func testSendingClearsTheComposerAndARepliesGoesToItsMessage() async throws {
        let conversation = FakeConversationService()
        let question = Fixtures.message("$q", body: .text("Photo ?"))
        conversation.entryUpdates = [[question]]
        let viewModel = makeViewModel(conversation)
        await viewModel.load()

        viewModel.composer = "  Bonjour  "
        await viewModel.send()
        XCTAssertEqual(conversation.sentTexts, ["Bonjour"])
        XCTAssertEqual(viewModel.composer, "")

        guard case .message(let message) = question.content else { return XCTFail("a message row") }
        viewModel.reply(to: message)
        viewModel.composer = "Oui"
        await viewModel.send()
        XCTAssertEqual(conversation.replies.first?.0, EventID("$q"))
        XCTAssertEqual(conversation.replies.first?.1, "Oui")
        XCTAssertNil(viewModel.replyingTo)
    }

    func testAFailedSendKeepsTheTextAndReportsWhy() async {
        let conversation = FakeConversationService()
        conversation.onSend = { _ in throw ServiceError.notEncrypted }
        let viewModel = makeViewModel(conversation)
        await viewModel.load()

        viewModel.composer = "Bonjour"
        await viewModel.send()

        XCTAssertEqual(viewModel.composer, "Bonjour")
        XCTAssertEqual(viewModel.error, .notEncrypted)
    }

    func testTheMembersAreNamedWithTheirSpecialtiesAndTheUnvouchedFlagged() async {
        let stranger = UserID("@intrus:elsewhere.test")
        let gone = UserID("@dr.lefevre:cpts.test")
        let conversation = FakeConversationService()
        let header = Fixtures.message("$h", from: Fixtures.gp, body: .header(header))
        let joined = Fixtures.message("$j", from: stranger, body: .membership(user: stranger, change: "Joined"))
        conversation.entryUpdates = [
            [header],
            [header, Fixtures.message("$a", body: .text("Bonjour"))],
            [header, Fixtures.message("$a", body: .text("Bonjour")), joined],
        ]
        let gp = CaseMember(user: Fixtures.gp, membership: .joined, displayName: "Dr Paul Martin", trust: .verified)
        let dermatologist = CaseMember(user: Fixtures.dermatologist, membership: .joined, displayName: "Dr Claire Morel",
                                       specialties: ["dermatology"], inDirectory: true, trust: .unverified)
        let intruder = CaseMember(user: stranger, membership: .joined, displayName: stranger.rawValue,
                                  trust: TrustLevel.none)
        let left = CaseMember(user: gone, membership: .left, displayName: "Dr Léa Petit", trust: .unverified)
        let cases = FakeCaseService()
        cases.onUnvouched = { _ in [UnvouchedMember(user: stranger, reason: .notInvitedByMember)] }
        cases.onMembers = { _ in [gp, dermatologist, intruder, left] }
        let viewModel = makeViewModel(conversation, cases: cases)

        await viewModel.load()
        for _ in 0..<100 where cases.memberReads < 2 || viewModel.members.isEmpty || viewModel.unvouched.isEmpty {
            await Task.yield()
        }

        XCTAssertEqual(cases.memberReads, 2, "once when shown, once for the join; not for a text message")
        XCTAssertEqual(viewModel.members, [gp, dermatologist, intruder, left])
        XCTAssertEqual(viewModel.memberLines, [
            CaseMemberLine(member: gp, unvouched: nil),
            CaseMemberLine(member: dermatologist, unvouched: nil),
            CaseMemberLine(member: intruder, unvouched: .notInvitedByMember),
        ], "who left is not listed; the intruder is flagged with the reason")
    }

    func testEachMemberAndEachMessageKeepTheCoresTrustLevel() async {
        let colleague = UserID("@dr.petit:cpts.test")
        let stranger = UserID("@intrus:elsewhere.test")
        let vouched = UserID("@dr.roux:cpts.test")
        let conversation = FakeConversationService()
        conversation.entryUpdates = [[
            Fixtures.message("$h", from: Fixtures.gp, body: .header(header)),
            Fixtures.message("$a", body: .text("Bonjour"), trust: .changed),
            Fixtures.message("$v", from: vouched, body: .text("Je regarde la photo"), trust: .attested),
            Fixtures.message("$r", from: colleague, body: .rejected(.advice, .notFromTaker)),
            Fixtures.message("$u", from: stranger, body: .untrusted, trust: TrustLevel.none),
            Fixtures.message("$j", from: colleague, body: .membership(user: colleague, change: "Joined"),
                             trust: TrustLevel.none),
            Fixtures.message("$w", body: .unreadable(.waiting), trust: TrustLevel.none),
            Fixtures.message("$d", body: .redacted, trust: TrustLevel.none),
        ]]
        let members = [
            CaseMember(user: Fixtures.gp, membership: .joined, displayName: "Dr Paul Martin", trust: .verified),
            CaseMember(user: Fixtures.dermatologist, membership: .joined, displayName: "Dr Claire Morel", trust: .changed),
            CaseMember(user: vouched, membership: .joined, displayName: "Dr Hugo Roux", trust: .attested),
            CaseMember(user: colleague, membership: .invited, displayName: "Dr Léa Petit", trust: .unverified),
            CaseMember(user: stranger, membership: .joined, displayName: stranger.rawValue, trust: TrustLevel.none),
        ]
        let cases = FakeCaseService()
        cases.onUnvouched = { _ in [] }
        cases.onMembers = { _ in members }
        let viewModel = makeViewModel(conversation, cases: cases)

        await viewModel.load()
        for _ in 0..<100 where viewModel.members.isEmpty { await Task.yield() }

        XCTAssertEqual(viewModel.memberLines.map(\.member.trust), [.verified, .changed, .attested, .unverified, TrustLevel.none])
        let shields: [TrustLevel?] = viewModel.entries.map { entry in
            guard case .message(let message) = entry.content else { return nil }
            return message.shield
        }
        XCTAssertEqual(shields, [.verified, .changed, .attested, .unverified, TrustLevel.none, nil, nil, nil],
                       "none on a membership line, a message not decrypted yet or a deleted one")
    }

    func testASendRefusedForSomeoneNobodyInvitedSaysSo() async {
        let conversation = FakeConversationService()
        conversation.onSend = { _ in throw ServiceError.uninvitedMember }
        let viewModel = makeViewModel(conversation)
        await viewModel.load()

        viewModel.composer = "Bonjour"
        await viewModel.send()

        XCTAssertEqual(viewModel.composer, "Bonjour")
        XCTAssertEqual(viewModel.error, .uninvitedMember)
        XCTAssertEqual(viewModel.error?.localizationKey, "error.uninvitedMember")
    }

    func testConfirmingAMemberAsksTheCoreAndChecksTheWarningAgain() async {
        let specialist = Fixtures.dermatologist
        let conversation = FakeConversationService()
        conversation.entryUpdates = [[Fixtures.message("$h", from: Fixtures.gp, body: .header(header))]]
        let cases = FakeCaseService()
        var unvouched = [UnvouchedMember(user: specialist, reason: .notConfirmed)]
        cases.onUnvouched = { _ in unvouched }
        cases.onMembers = { _ in [] }
        cases.onConfirm = { _, _ in unvouched = [] }
        let viewModel = makeViewModel(conversation, cases: cases)
        await viewModel.load()
        for _ in 0..<10 where viewModel.unvouched.isEmpty { await Task.yield() }
        XCTAssertEqual(viewModel.unvouched, [UnvouchedMember(user: specialist, reason: .notConfirmed)])
        XCTAssertEqual(viewModel.unvouched.first?.reason.labelKey, "unvouched.notConfirmed")

        await viewModel.confirm(specialist)
        for _ in 0..<10 where !viewModel.unvouched.isEmpty { await Task.yield() }

        XCTAssertEqual(cases.confirmed.map { $0.0 }, [specialist])
        XCTAssertEqual(cases.confirmed.map { $0.1 }, [caseID])
        XCTAssertEqual(cases.unvouchedChecks, 2, "checked again once confirmed")
        XCTAssertEqual(viewModel.unvouched, [])
        XCTAssertNil(viewModel.confirming)
        XCTAssertNil(viewModel.error)
    }

    func testAConfirmationRefusedKeepsTheWarningAndSaysWhy() async {
        let conversation = FakeConversationService()
        let cases = FakeCaseService()
        cases.onUnvouched = { _ in [] }
        cases.onMembers = { _ in [] }
        cases.onConfirm = { _, _ in throw ServiceError.notAllowed }
        let viewModel = makeViewModel(conversation, cases: cases)
        await viewModel.load()

        await viewModel.confirm(Fixtures.dermatologist)

        XCTAssertTrue(cases.confirmed.isEmpty)
        XCTAssertEqual(viewModel.error, .notAllowed)
        XCTAssertNil(viewModel.confirming)
    }

    func testASendRefusedForAMemberNotConfirmedSaysSo() async {
        let conversation = FakeConversationService()
        conversation.onSend = { _ in throw ServiceError.unconfirmedMember }
        let viewModel = makeViewModel(conversation)
        await viewModel.load()

        viewModel.composer = "Bonjour"
        await viewModel.send()

        XCTAssertEqual(viewModel.composer, "Bonjour")
        XCTAssertEqual(viewModel.error?.localizationKey, "error.unconfirmedMember")
    }

    func testTheScreenNamesPeopleFromTheMembersListElseByTheirID() async {
        let stranger = UserID("@intrus:elsewhere.test")
        let gone = UserID("@dr.lefevre:cpts.test")
        let outsider = UserID("@dr.roux:cpts.test")
        let conversation = FakeConversationService()
        conversation.entryUpdates = [[
            Fixtures.message("$h", from: Fixtures.gp, body: .header(header)),
            Fixtures.message("$l", from: gone, body: .membership(user: gone, change: "Left"), trust: TrustLevel.none),
        ]]
        let members = [
            CaseMember(user: Fixtures.gp, membership: .joined, displayName: "Dr Paul Martin", trust: .verified),
            CaseMember(user: Fixtures.dermatologist, membership: .joined, displayName: "Dr Samira Benali",
                       specialties: ["dermatology"], inDirectory: true, trust: .attested),
            CaseMember(user: gone, membership: .left, displayName: "Dr Léa Lefèvre", trust: .unverified),
            CaseMember(user: stranger, membership: .joined, displayName: stranger.rawValue, trust: TrustLevel.none),
        ]
        let cases = FakeCaseService()
        cases.onUnvouched = { _ in [UnvouchedMember(user: stranger, reason: .notInvitedByMember)] }
        cases.onMembers = { _ in members }
        let viewModel = makeViewModel(conversation, cases: cases)
        XCTAssertEqual(viewModel.name(of: Fixtures.dermatologist), Fixtures.dermatologist.rawValue,
                       "before the members are read: the id")

        await viewModel.load()
        for _ in 0..<100 where viewModel.members.isEmpty { await Task.yield() }

        XCTAssertEqual(viewModel.name(of: Fixtures.dermatologist), "Dr Samira Benali")
        XCTAssertEqual(viewModel.name(of: Fixtures.gp), "Dr Paul Martin")
        XCTAssertEqual(viewModel.name(of: gone), "Dr Léa Lefèvre", "who left keeps their name on their lines")
        XCTAssertEqual(viewModel.name(of: outsider), outsider.rawValue, "not in the list: the id")
        XCTAssertEqual(viewModel.name(of: stranger), stranger.rawValue, "the core's name is the id itself")
        XCTAssertEqual(viewModel.names.names(of: [Fixtures.dermatologist, outsider]),
                       "Dr Samira Benali, @dr.roux:cpts.test")
        XCTAssertEqual(viewModel.names.nameAndID(of: Fixtures.dermatologist),
                       "Dr Samira Benali (@dr.benali:cpts.test)", "the warning shows the id beside a name")
        XCTAssertEqual(viewModel.names.nameAndID(of: stranger), stranger.rawValue, "never the id twice")
    }

    func testABlankNameFromTheCoreIsNotShown() {
        let names = MemberNames([
            CaseMember(user: Fixtures.gp, membership: .joined, displayName: "  ", trust: .verified),
            CaseMember(user: Fixtures.dermatologist, membership: .joined, displayName: " Dr Samira Benali ",
                       trust: .unverified),
        ])

        XCTAssertEqual(names.name(of: Fixtures.gp), Fixtures.gp.rawValue)
        XCTAssertEqual(names.name(of: Fixtures.dermatologist), "Dr Samira Benali")
        XCTAssertNotEqual(names, MemberNames(), "rows drawn before the members were read are drawn again")
    }

    func testEachMembershipChangeReadsAsASentenceNeverAsItsCode() {
        let expected = [
            "Joined": "membership.joined", "InvitationAccepted": "membership.joined",
            "Invited": "membership.invited", "KnockAccepted": "membership.invited",
            "Left": "membership.left",
            "Kicked": "membership.removed", "KickedAndBanned": "membership.removed", "Banned": "membership.removed",
            "InvitationRejected": "membership.invitationDeclined",
            "InvitationRevoked": "membership.invitationWithdrawn",
            "Knocked": "membership.other", "KnockRetracted": "membership.other", "KnockDenied": "membership.other",
            "ProfileChanged": "membership.other", "Unbanned": "membership.other", "Error": "membership.other",
            "NotImplemented": "membership.other", "None": "membership.other", "other": "membership.other",
            "SomethingNew": "membership.other", "": "membership.other",
        ]
        for (change, key) in expected {
            XCTAssertEqual(MembershipChangeLabel.key(for: change), key, change)
        }
    }

    func testTheGPsNumberAndACallShowAsTheirOwnRowsAndAForgedNumberAsRejected() async {
        let number = CallBack(phone: "+33612345678", display: "06 12 34 56 78")
        let conversation = FakeConversationService()
        conversation.entryUpdates = [[
            Fixtures.message("$h", from: Fixtures.gp, body: .header(header)),
            Fixtures.message("$n", from: Fixtures.gp, body: .callBack(number)),
            Fixtures.message("$c", from: Fixtures.dermatologist, body: .call),
            Fixtures.message("$f", from: Fixtures.dermatologist, body: .rejected(.callBack, .notFromCreator)),
        ]]
        let viewModel = makeViewModel(conversation)

        await viewModel.load()

        XCTAssertEqual(viewModel.requester, Fixtures.gp, "the header names who asked, not the number")
        let bodies = viewModel.entries.compactMap { entry -> MessageKind? in
            guard case .message(let message) = entry.content else { return nil }
            return message.body
        }
        XCTAssertEqual(bodies, [.header(header), .callBack(number), .call, .rejected(.callBack, .notFromCreator)])
        XCTAssertEqual(RejectedEvent.callBack.rejectedKey, "rejected.callBack", "a forged number: never shown")
    }

    // The shield beside a message's sender (`CaseMessage.shield`); its look is TrustShieldTests'.

    func testAMessageShowsItsLevelBesideWhatASenderWrote() {
        let advice = Advice(assessment: "Nævus", recommendation: "Surveillance", inPerson: .routine)
        let written: [MessageKind] = [
            .text("Bonjour"),
            .photo(PhotoMessage(caption: nil, width: 800, height: 600, hasThumbnail: true)),
            .header(header),
            .advice(advice),
            .closure(outcome: "Résolu"),
            .callBack(CallBack(phone: "+33612345678", display: "06 12 34 56 78")),
            .call,
            .rejected(.advice, .notFromTaker),
            .rejected(.callBack, .notFromCreator),
            .untrusted,
        ]
        for body in written {
            for level in TrustLevel.allCases {
                XCTAssertEqual(message(body, trust: level).shield, level, "\(body)")
            }
        }
    }

    func testNoShieldWhereTheLevelSaysNothingOfTheSender() {
        let nobodysWords: [MessageKind] = [
            .membership(user: Fixtures.dermatologist, change: "Joined"),
            .unreadable(.waiting),
            .redacted,
            .other,
        ]
        for body in nobodysWords {
            for level in TrustLevel.allCases {
                XCTAssertNil(message(body, trust: level).shield, "\(body)")
            }
        }
    }

    private func message(_ body: MessageKind, trust: TrustLevel) -> CaseMessage {
        let entry = Fixtures.message("$m", body: body, trust: trust)
        guard case .message(let message) = entry.content else { fatalError("a message row") }
        return message
    }
}
