@testable import Innomed
@testable import InnomedServices
import UserNotifications
import XCTest

/// The deadline reminders the app hands to the phone's scheduler: exactly the core's list (one
/// per case and state, replaced in place, removed once no longer listed), content-free, never
/// touching other notifications, and opening the case when tapped.
@MainActor
final class DeadlineReminderTests: XCTestCase {
    private let now = Fixtures.now
    private let taken = CaseID("!taken:cpts.test")
    private let asked = CaseID("!asked:cpts.test")

    private func reminder(_ id: CaseID, _ code: String, in seconds: TimeInterval,
                          _ state: DeadlineState) -> ScheduledReminder {
        ScheduledReminder(caseID: id, code: code, at: now.addingTimeInterval(seconds), state: state)
    }

    private func plan(_ reminders: [ScheduledReminder], pending: [PendingNotification] = []) -> DeadlineReminderPlan {
        DeadlineReminderPlan(reminders: reminders, pending: pending, now: now) { state, code in
            "\(state == .dueSoon ? "soon" : "late") \(code)"
        }
    }

    private func identifier(_ id: CaseID, _ state: DeadlineState) -> String {
        DeadlineReminderPlan.identifier(for: id, state: state) ?? ""
    }

    // MARK: The plan

    func testEachListedReminderIsAddedOncePerCaseAndState() {
        let made = plan([
            reminder(taken, "IM-TAKEN", in: 3_600, .dueSoon),
            reminder(taken, "IM-TAKEN", in: 14_400, .overdue),
            reminder(asked, "IM-ASKED", in: 7_200.4, .overdue),
        ])

        XCTAssertEqual(made.add.map(\.identifier), [identifier(taken, .dueSoon), identifier(asked, .overdue),
                                                    identifier(taken, .overdue)], "soonest first")
        XCTAssertEqual(made.add.map(\.body), ["soon IM-TAKEN", "late IM-ASKED", "late IM-TAKEN"])
        XCTAssertEqual(made.add.map(\.caseID), [taken, asked, taken])
        XCTAssertEqual(made.add[1].fireDate, now.addingTimeInterval(7_201), "rounded up, never early")
        XCTAssertEqual(made.remove, [])
        XCTAssertNotEqual(identifier(taken, .dueSoon), identifier(taken, .overdue))
        XCTAssertNil(DeadlineReminderPlan.identifier(for: taken, state: .onTime))
        XCTAssertNil(DeadlineReminderPlan.identifier(for: taken, state: .done))
    }

    func testPendingRemindersAreKeptReplacedOrRemovedAndOtherNotificationsLeftAlone() {
        let soon = reminder(taken, "IM-TAKEN", in: 3_600, .dueSoon)
        let pending = [
            // Unchanged: left as it is.
            PendingNotification(identifier: identifier(taken, .dueSoon), fireDate: now.addingTimeInterval(3_600),
                                body: "soon IM-TAKEN"),
            // Its time moved: the same identifier again, which replaces it.
            PendingNotification(identifier: identifier(asked, .overdue), fireDate: now.addingTimeInterval(60),
                                body: "late IM-ASKED"),
            // No longer listed (taken by someone else, answered, closed): removed.
            PendingNotification(identifier: identifier(CaseID("!gone:cpts.test"), .overdue),
                                fireDate: now.addingTimeInterval(600), body: "late IM-GONE"),
            // Not a reminder of the app: never touched.
            PendingNotification(identifier: "some-other-notification", fireDate: now.addingTimeInterval(30), body: "x"),
        ]

        let made = plan([soon, reminder(asked, "IM-ASKED", in: 120, .overdue)], pending: pending)

        XCTAssertEqual(made.add.map(\.identifier), [identifier(asked, .overdue)])
        XCTAssertEqual(made.add.first?.fireDate, now.addingTimeInterval(120))
        XCTAssertEqual(made.remove, [identifier(CaseID("!gone:cpts.test"), .overdue)])
        XCTAssertTrue(plan([soon], pending: Array(pending.prefix(1))).isEmpty, "nothing to do")
    }

    func testAnEmptyListRemovesEveryPendingReminderOnly() {
        let pending = [
            PendingNotification(identifier: identifier(taken, .dueSoon), fireDate: nil, body: "soon IM-TAKEN"),
            PendingNotification(identifier: "other", fireDate: nil, body: "x"),
        ]
        let made = plan([], pending: pending)
        XCTAssertEqual(made.add, [])
        XCTAssertEqual(made.remove, [identifier(taken, .dueSoon)])
    }

    func testPastRemindersDuplicatesAndNonRemindersAreLeftOutAndTheSoonestKept() {
        let listed = [
            reminder(taken, "IM-TAKEN", in: 0, .overdue),            // now: the case list shows it
            reminder(asked, "IM-ASKED", in: -60, .overdue),          // past
            reminder(asked, "IM-ASKED", in: 60, .onTime),            // no reminder
            reminder(taken, "IM-TAKEN", in: 90, .dueSoon),
            reminder(taken, "IM-TAKEN", in: 95, .dueSoon),           // twice: the first kept
        ]
        XCTAssertEqual(plan(listed).add.map(\.fireDate), [now.addingTimeInterval(90)])

        let many = (0..<(DeadlineReminderPlan.limit + 5)).reversed().map { index in
            reminder(CaseID("!c\(index):cpts.test"), "IM-\(index)", in: TimeInterval(60 * (index + 1)), .overdue)
        }
        let capped = plan(many).add
        XCTAssertEqual(capped.count, DeadlineReminderPlan.limit)
        XCTAssertEqual(capped.first?.caseID, CaseID("!c0:cpts.test"))
        XCTAssertEqual(capped.last?.caseID, CaseID("!c\(DeadlineReminderPlan.limit - 1):cpts.test"))
    }

    func testTheLinesAreTheCodeAndTheDeadlineOnly() {
        let soon = DeadlineReminderPlan.line(for: .dueSoon, code: "IM-7K2QX9")
        let late = DeadlineReminderPlan.line(for: .overdue, code: "IM-7K2QX9")
        XCTAssertTrue(["Échéance proche : IM-7K2QX9", "Due soon: IM-7K2QX9"].contains(soon ?? ""), soon ?? "nil")
        XCTAssertTrue(["Échéance dépassée : IM-7K2QX9", "Overdue: IM-7K2QX9"].contains(late ?? ""), late ?? "nil")
        XCTAssertNil(DeadlineReminderPlan.line(for: .onTime, code: "IM-7K2QX9"))
        XCTAssertNil(DeadlineReminderPlan.line(for: .done, code: "IM-7K2QX9"))
    }

    // MARK: The scheduler

    private func scheduler(_ center: FakeNotificationCenter) -> DeadlineReminderScheduler {
        DeadlineReminderScheduler(center: center, now: { [now] in now }) { state, code in
            "\(state == .dueSoon ? "soon" : "late") \(code)"
        }
    }

    func testARefreshMakesThePendingRemindersTheCoresListAndAFailedReadKeepsThem() async {
        let center = FakeNotificationCenter()
        center.seed(PendingNotification(identifier: "other", fireDate: nil, body: "x"))
        let requests = FakeRequestService()
        requests.onReminderSchedule = { [self] in
            [reminder(taken, "IM-TAKEN", in: 3_600, .dueSoon), reminder(asked, "IM-ASKED", in: 7_200, .overdue)]
        }
        let reminders = scheduler(center)

        reminders.refresh(from: requests)
        await reminders.settle()
        XCTAssertEqual(center.pendingIdentifiers, ["other", identifier(taken, .dueSoon), identifier(asked, .overdue)])
        XCTAssertEqual(center.rooms[identifier(asked, .overdue)], asked)

        requests.onReminderSchedule = { [self] in [reminder(asked, "IM-ASKED", in: 7_200, .overdue)] }
        reminders.refresh(from: requests)
        await reminders.settle()
        XCTAssertEqual(center.pendingIdentifiers, ["other", identifier(asked, .overdue)])
        XCTAssertEqual(center.added.count, 2, "the unchanged one is not handed over again")

        requests.onReminderSchedule = { throw ServiceError.storage }
        reminders.refresh(from: requests)
        await reminders.settle()
        XCTAssertEqual(center.pendingIdentifiers, ["other", identifier(asked, .overdue)])
    }

    func testRefreshesAskedTogetherReadTheListOnceAndAClearComesFirst() async {
        let center = FakeNotificationCenter()
        center.seed(PendingNotification(identifier: identifier(taken, .overdue), fireDate: nil, body: "late IM-TAKEN"))
        center.seed(PendingNotification(identifier: "other", fireDate: nil, body: "x"))
        let requests = FakeRequestService()
        requests.onReminderSchedule = { [self] in [reminder(asked, "IM-ASKED", in: 60, .overdue)] }
        let reminders = scheduler(center)

        reminders.refresh(from: requests)
        reminders.refresh(from: requests)
        await reminders.settle()
        XCTAssertEqual(requests.reminderScheduleReads, 1)
        XCTAssertEqual(center.pendingIdentifiers, ["other", identifier(asked, .overdue)])

        reminders.refresh(from: requests)
        reminders.clear()
        await reminders.settle()
        XCTAssertEqual(requests.reminderScheduleReads, 1, "a refresh asked before the clear is dropped")
        XCTAssertEqual(center.pendingIdentifiers, ["other"])
    }

    func testNotificationsNotAllowedAreTriedAgainAtTheNextRefresh() async {
        let center = FakeNotificationCenter()
        center.refusesAdding = true
        let requests = FakeRequestService()
        requests.onReminderSchedule = { [self] in [reminder(asked, "IM-ASKED", in: 60, .overdue)] }
        let reminders = scheduler(center)

        reminders.refresh(from: requests)
        await reminders.settle()
        XCTAssertEqual(center.pendingIdentifiers, [])

        center.refusesAdding = false
        reminders.refresh(from: requests)
        await reminders.settle()
        XCTAssertEqual(center.pendingIdentifiers, [identifier(asked, .overdue)])
    }

    // MARK: The phone's scheduler

    func testTheSystemRequestIsContentFreeAtItsDateAndOpensTheCaseWhenTapped() throws {
        let fireDate = now.addingTimeInterval(3_600)
        let notification = ReminderNotification(identifier: identifier(asked, .overdue), caseID: asked,
                                                fireDate: fireDate, body: "Échéance dépassée : IM-ASKED")

        let request = SystemNotificationCenter.request(for: notification)

        XCTAssertEqual(request.identifier, identifier(asked, .overdue))
        XCTAssertEqual(request.content.body, "Échéance dépassée : IM-ASKED")
        XCTAssertEqual(request.content.title, "")
        XCTAssertEqual(request.content.subtitle, "")
        XCTAssertEqual(request.content.threadIdentifier, asked.rawValue)
        XCTAssertEqual(Set(request.content.userInfo.keys.compactMap { $0 as? String }),
                       [NotificationPayload.roomID, NotificationPayload.deadlineReminder])
        let trigger = try XCTUnwrap(request.trigger as? UNCalendarNotificationTrigger)
        XCTAssertFalse(trigger.repeats)
        XCTAssertEqual(trigger.dateComponents.date, fireDate)

        let pending = SystemNotificationCenter.pending(from: request)
        XCTAssertEqual(pending, PendingNotification(identifier: notification.identifier, fireDate: fireDate,
                                                    body: notification.body))

        // A tap goes where a tapped push goes; in the foreground it shows.
        XCTAssertEqual(NotificationPayload.room(in: request.content.userInfo), asked.rawValue)
        XCTAssertEqual(NotificationCenterDelegate.presentation(userInfo: request.content.userInfo),
                       [.banner, .list, .sound])
    }
}
