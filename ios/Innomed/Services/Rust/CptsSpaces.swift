import Foundation
import InnomedFFI

/// The doctor's CPTS spaces for the directory and request services: as the core lists and
/// finds them, and the ones the doctor just created. The client knows a new space as a CPTS
/// (lists it, finds it by id) only once its next sync brought the space's creation, so the
/// object `createCpts` returned is kept and used for that id from then on (the same space: its
/// state follows the sync, and whether the doctor coordinates it is still the core's answer).
final class CptsSpaces: @unchecked Sendable {
    /// A space created on this device, and its name as the doctor typed it (trimmed).
    private struct Created {
        let space: InnomedFFI.Cpts
        let name: String
    }

    private let client: Client
    private let lock = NSLock()
    private var created: [Created] = []

    init(client: Client) {
        self.client = client
    }

    /// A CPTS by its space id: one just created, else as the core finds it.
    func space(_ id: CptsID) throws -> InnomedFFI.Cpts {
        let kept = lock.withLock { created.first { $0.space.spaceId() == id.rawValue } }
        if let kept {
            return kept.space
        }
        return try client.cpts(spaceId: id.rawValue)
    }

    /// Every CPTS the doctor is in or invited to, as the core lists them, then any just created
    /// that it does not list yet.
    func all() throws -> [Cpts] {
        let listed = try mapErrorsSync { try client.cptsSpaces() }.map(Cpts.init(rustValue:))
        let known = Set(listed.map(\.id))
        let pending = lock.withLock { created }.map(CptsSpaces.shown).filter { !known.contains($0.id) }
        return listed + pending
    }

    /// Keeps a space the doctor just created; returns it as the screens show it.
    func adopt(_ space: InnomedFFI.Cpts, typedName: String) -> Cpts {
        let kept = Created(space: space, name: typedName.trimmingCharacters(in: .whitespacesAndNewlines))
        lock.withLock { created.append(kept) }
        return CptsSpaces.shown(kept)
    }

    /// Joined (its creator is in it); its own name once the sync brought it, else as typed.
    private static func shown(_ kept: Created) -> Cpts {
        let name = kept.space.name()
        return Cpts(id: CptsID(kept.space.spaceId()), name: name.isEmpty ? kept.name : name, isJoined: true)
    }
}
