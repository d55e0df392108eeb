import Combine
import Foundation
import InnomedServices

/// One urgency's window as picked: hours and minutes, and what the core's window had below the
/// minute (a drill's 5 seconds), kept until the coordinator picks hours or minutes.
struct WindowDraft: Equatable {
    var hours: Int
    var minutes: Int
    var seconds: TimeInterval

    init(hours: Int, minutes: Int, seconds: TimeInterval = 0) {
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
    }

    /// The core's window, split.
    init(_ window: TimeInterval) {
        let whole = max(0, window)
        let minutesTotal = Int(min(whole, 1e9) / 60)
        self.init(hours: minutesTotal / 60, minutes: minutesTotal % 60,
                  seconds: whole - TimeInterval(minutesTotal * 60))
    }

    var window: TimeInterval { TimeInterval(hours * 3600 + minutes * 60) + seconds }
}

/// The coordinator's "Délais de relance": how long a request of each urgency waits for a taker
/// before the homeserver invites the next specialists on duty and alerts the coordinator. The
/// three windows are read from the core (the defaults until set) and edited by hours and
/// minutes; what was picked is sent as it is: whether a window is valid (at least 5 seconds,
/// shorter than its urgency's deadline) is the core's to say, and its refusal is shown in
/// words, what was picked kept. Every member may read them; only the coordinator (as the core
/// says) may change them.
@MainActor
final class RoutingWindowsViewModel: ObservableObject {
    /// The urgencies in the order shown: the most pressing first.
    static let urgencies: [Urgency] = [.urgent, .soon, .routine]
    /// The hours offered: up to a week less an hour (the longest deadline is 7 days).
    static let hourChoices = Array(0...167)
    static let minuteChoices = Array(0...59)

    /// The choices a picker offers, with the value shown added when the core's is not one of them.
    static func choices(_ offered: [Int], showing value: Int) -> [Int] {
        offered.contains(value) ? offered : (offered + [value]).sorted()
    }

    /// The windows as the core last gave them; `nil` until read.
    @Published private(set) var windows: RoutingWindows?
    @Published private(set) var drafts: [Urgency: WindowDraft] = [:]
    @Published private(set) var isCoordinator = false
    @Published private(set) var isLoading = false
    /// Set once the windows were read.
    @Published private(set) var loaded = false
    /// A change is on its way: the pickers and the button wait.
    @Published private(set) var saving = false
    /// The core accepted the last change (said until the next pick).
    @Published private(set) var saved = false
    @Published var error: ServiceError?

    let cpts: Cpts
    private let requests: RequestService
    private let directory: DirectoryService

    init(requests: RequestService, directory: DirectoryService, cpts: Cpts) {
        self.requests = requests
        self.directory = directory
        self.cpts = cpts
    }

    func draft(for urgency: Urgency) -> WindowDraft {
        drafts[urgency] ?? WindowDraft(windows?[urgency] ?? 0)
    }

    /// The windows as picked.
    var picked: RoutingWindows? {
        guard windows != nil else { return nil }
        var result = RoutingWindows(urgent: 0, soon: 0, routine: 0)
        for urgency in Self.urgencies { result[urgency] = draft(for: urgency).window }
        return result
    }

    /// Something was picked that the core does not hold yet.
    var hasChanges: Bool { picked != nil && picked != windows }

    var canEdit: Bool { isCoordinator && loaded && !saving }

    var canSave: Bool { canEdit && hasChanges }

    /// The core's refusal in words; the coordinator's own screen says who may change them.
    var errorKey: String? {
        guard let error else { return nil }
        if error == .coordinatorOnly || error == .notAllowed { return "routing.error.coordinatorOnly" }
        return error.localizationKey
    }

    func load() async {
        isLoading = true
        defer { isLoading = false }
        do {
            let coordinator = try directory.isCoordinator(of: cpts.id)
            let read = try await requests.routingWindows(in: cpts.id)
            isCoordinator = coordinator
            show(read)
            loaded = true
        } catch {
            self.error = ServiceError.from(error)
        }
    }

    func setHours(_ hours: Int, for urgency: Urgency) {
        var changed = self.draft(for: urgency)
        changed.hours = hours
        pick(changed, for: urgency)
    }

    func setMinutes(_ minutes: Int, for urgency: Urgency) {
        var changed = self.draft(for: urgency)
        changed.minutes = minutes
        pick(changed, for: urgency)
    }

    /// Back to the windows the core holds.
    func discardChanges() {
        guard !saving, let windows else { return }
        show(windows)
        error = nil
    }

    /// Sends the three windows as picked, then shows the core's windows read again; refused, the
    /// error says why and what was picked stays.
    func save() async {
        guard canSave, let picked else { return }
        saving = true
        saved = false
        error = nil
        defer { saving = false }
        do {
            try await requests.setRoutingWindows(picked, in: cpts.id)
        } catch {
            self.error = ServiceError.from(error)
            return
        }
        saved = true
        do {
            let fresh = try await requests.routingWindows(in: cpts.id)
            show(fresh)
        } catch {
            // Sent: what was picked is what the core holds until the next read.
            windows = picked
        }
    }

    private func pick(_ changed: WindowDraft, for urgency: Urgency) {
        guard canEdit else { return }
        // A picked window is whole minutes: what the core had below the minute goes.
        drafts[urgency] = WindowDraft(hours: changed.hours, minutes: changed.minutes)
        saved = false
        error = nil
    }

    private func show(_ read: RoutingWindows) {
        windows = read
        var split: [Urgency: WindowDraft] = [:]
        for urgency in Self.urgencies { split[urgency] = WindowDraft(read[urgency]) }
        drafts = split
    }
}
