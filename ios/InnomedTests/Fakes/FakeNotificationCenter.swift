import Foundation
@testable import Innomed
@testable import InnomedServices

/// The phone's scheduler of local notifications, in memory: what is pending, by identifier, as
/// `UNUserNotificationCenter` keeps it (a notification added with a pending one's identifier
/// replaces it).
final class FakeNotificationCenter: LocalNotificationCenter {
    enum Refusal: Error {
        case notAllowed
    }

    private(set) var pending: [PendingNotification] = []
    /// The room id of each pending reminder, as its `userInfo` would carry it.
    private(set) var rooms: [String: CaseID] = [:]
    /// Every notification handed over, in order, replacements too.
    private(set) var added: [ReminderNotification] = []
    /// Every removal asked, in order.
    private(set) var removals: [[String]] = []
    /// Notifications not allowed: every `add` throws.
    var refusesAdding = false

    /// A notification already pending (the app's from an earlier run, or of another kind).
    func seed(_ notification: PendingNotification) {
        pending.append(notification)
    }

    var pendingIdentifiers: [String] { pending.map(\.identifier) }

    func pendingNotifications() async -> [PendingNotification] { pending }

    func add(_ notification: ReminderNotification) async throws {
        if refusesAdding { throw Refusal.notAllowed }
        added.append(notification)
        let entry = PendingNotification(identifier: notification.identifier, fireDate: notification.fireDate,
                                        body: notification.body)
        if let index = pending.firstIndex(where: { $0.identifier == notification.identifier }) {
            pending[index] = entry
        } else {
            pending.append(entry)
        }
        rooms[notification.identifier] = notification.caseID
    }

    func removePending(withIdentifiers identifiers: [String]) {
        removals.append(identifiers)
        pending.removeAll { identifiers.contains($0.identifier) }
        for identifier in identifiers { rooms[identifier] = nil }
    }
}
