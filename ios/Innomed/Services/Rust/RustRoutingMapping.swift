import Foundation
import InnomedFFI

// The models of this module carry the core's names, so a generated type of the same name is
// always written with its module (`InnomedFFI.RoutingWindows`); an unqualified name is this
// module's (InnomedServices), which shadows the imported one.

extension RoutingWindows {
    /// The core's milliseconds as seconds.
    init(rustValue w: InnomedFFI.RoutingWindows) {
        self.init(urgent: Double(w.urgentMs) / 1000, soon: Double(w.soonMs) / 1000,
                  routine: Double(w.routineMs) / 1000)
    }

    /// Back to the core's milliseconds (rounded; nothing negative). Whether each window is valid
    /// is the core's to say (`invalidRequest(.routingWindow)`).
    var rustValue: InnomedFFI.RoutingWindows {
        InnomedFFI.RoutingWindows(urgentMs: Self.milliseconds(urgent), soonMs: Self.milliseconds(soon),
                                  routineMs: Self.milliseconds(routine))
    }

    private static func milliseconds(_ seconds: TimeInterval) -> UInt64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return UInt64(min((seconds * 1000).rounded(), Double(UInt64.max / 2)))
    }
}

extension NextStepState {
    /// State by state, no `default`: a state the core adds fails the build here, not on screen.
    init(rustValue: InnomedFFI.NextStepState) {
        switch rustValue {
        case .planned: self = .planned
        case .sent: self = .sent
        case .cancelled: self = .cancelled
        }
    }
}

extension NextStep {
    init(rustValue s: InnomedFFI.NextStep) {
        self.init(at: Date(milliseconds: s.atMs), specialists: s.specialists.map(UserID.init),
                  state: NextStepState(rustValue: s.state))
    }
}

extension UnansweredRequest {
    init(rustValue r: InnomedFFI.UnansweredRequest) {
        self.init(caseID: CaseID(r.roomId), code: r.code, specialty: r.specialty,
                  urgency: Urgency(rustValue: r.urgency), requester: UserID(r.requester),
                  next: r.next.map(UserID.init), at: Date(milliseconds: r.atMs))
    }
}
