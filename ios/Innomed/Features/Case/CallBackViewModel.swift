import Combine
import Foundation
import InnomedServices

/// The specialist who took a request calls back the GP who asked, on the number the GP gave with
/// it: "Rappeler le 06 12 34 56 78". Offered only while the core says this doctor took the request
/// (`CaseRole.taker`) and the core gives a number (none asked, or not readable before the
/// hand-over: nothing shown). A tap asks the view to open `tel:` and the number (the system's
/// phone app, through SwiftUI's `openURL`), then has the core record in the case that this
/// doctor called (who and when, nothing of what was said); a call the system could not start is
/// not recorded.
@MainActor
final class CallBackViewModel: ObservableObject {
    /// The number to call back, as the core last gave it; `nil`: no button.
    @Published private(set) var number: CallBack?
    /// While the phone app is asked to call and the call is recorded (the button waits).
    @Published private(set) var isCalling = false
    /// The system could not start the call (no phone app): nothing was recorded.
    @Published private(set) var couldNotDial = false
    /// Recording the call failed (offline, refused): said as every error of the case screen.
    @Published var error: ServiceError?

    let caseID: CaseID
    private let requests: RequestService
    /// The latest read: an older answer arriving late does not replace a newer one.
    private var read = 0

    init(requests: RequestService, caseID: CaseID) {
        self.requests = requests
        self.caseID = caseID
    }

    /// Reads the number again, with the case's decision (`role`, the core's; `nil` until read):
    /// for the taker only, until the core gives one (it comes with the case's history once it is
    /// handed over, and never changes after). Anyone else is offered nothing and nothing is asked
    /// of the core. A failed read shows nothing, without an error: it is tried again at the next
    /// refresh.
    func refresh(role: CaseRole?) async {
        read += 1
        let current = read
        guard role == .taker else {
            number = nil
            return
        }
        guard number == nil else { return }
        let found: CallBack?
        do {
            found = try await requests.callBack(in: caseID)
        } catch {
            return
        }
        if current == read { number = found }
    }

    /// The button: asks `open` to dial `tel:` and the number (the view's `openURL`, which says
    /// whether the system started it), then records the call in the case, once per tap; a tap
    /// while one runs does nothing.
    func call(open: (URL) async -> Bool) async {
        guard !isCalling, let number, let url = number.dialURL else { return }
        isCalling = true
        couldNotDial = false
        defer { isCalling = false }
        guard await open(url) else {
            couldNotDial = true
            return
        }
        do {
            try await requests.recordCall(in: caseID)
        } catch {
            self.error = ServiceError.from(error)
        }
    }
}
