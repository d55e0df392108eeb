import Foundation

// Partner CPTS: neighbouring territories that lend each other their specialists. Each
// coordinator declares the other; once both did, a request nobody here is on duty for goes to
// the partner's specialists on duty, and each CPTS's members read the other's directory and
// rota. Whether a partnership holds is the core's to say.

/// A partner CPTS as this CPTS declared it (the core's `Partner`).
public struct PartnerCpts: Identifiable, Hashable, Sendable {
    /// The partner's space id (`!…:server`).
    public let spaceID: CptsID
    /// Its name as last read (empty while the core could not read it).
    public let name: String
    /// Its coordinator, as declared here.
    public let coordinator: UserID
    /// The partner declared this CPTS too (as the core last read it).
    public let agreed: Bool
    public var id: CptsID { spaceID }

    public init(spaceID: CptsID, name: String, coordinator: UserID, agreed: Bool) {
        self.spaceID = spaceID
        self.name = name
        self.coordinator = coordinator
        self.agreed = agreed
    }
}
