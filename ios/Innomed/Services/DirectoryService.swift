import Foundation

/// The CPTS directory, its duty rota and its members' own availability, and joining a CPTS.
public protocol DirectoryService: AnyObject {
    /// The fixed list of French medical specialties.
    func specialties() -> [Specialty]

    func spaces() throws -> [Cpts]
    func join(_ cpts: CptsID) async throws

    /// Search by specialty code and part of a name (accents and case ignored).
    func search(in cpts: CptsID, specialty: String?, name: String?) async throws -> [MemberEntry]

    /// Who is on duty now for this specialty.
    func onDutyNow(in cpts: CptsID, specialty: String) async throws -> [MemberEntry]

    // The duty rota by week: every member reads it; only the coordinator changes it (the core
    // checks each slot, the homeserver refuses anyone else: `coordinatorOnly`).

    /// Whether the signed-in doctor coordinates this CPTS (may change the rota).
    func isCoordinator(of cpts: CptsID) throws -> Bool

    /// Coordinator: corrects a member's entry (name, specialties, retired); the RPPS number and
    /// the profession stay, slots in a specialty taken away leave the rota. The core refuses
    /// `coordinatorOnly`, `notInDirectory`, `invalidRequest` (no name, a physician without
    /// specialty) or `unknownSpecialty`.
    func editMember(_ user: UserID, in cpts: CptsID, edit: EntryEdit) async throws -> MemberEntry

    /// Every member's weekly duty slots, as the CPTS holds them.
    func rota(in cpts: CptsID) async throws -> [MemberDuty]

    /// Coordinator: replaces a member's weekly slots with `slots` (an empty list takes them off
    /// the rota). `invalidSlot` says why the core refused one.
    func setDuty(_ user: UserID, in cpts: CptsID, slots: [DutySlot]) async throws

    // A member's own availability beside the rota (which stays the default): an absence takes
    // them off duty those Paris days, a one-off permanence puts them on duty for one of their
    // specialties that day and hours. The core checks each (`invalidAvailability` with its
    // reason; for a permanence also `invalidSlot`, `unknownSpecialty`), refuses anyone not in
    // the directory (`notInDirectory`) and, in a space made before this feature, says
    // `availabilityNotOpen` until the coordinator's next change of the rota. Each change answers
    // with the member's availability as it now is.

    /// The signed-in member's absences and permanences to come, soonest first.
    func myAvailability(in cpts: CptsID) async throws -> Availability

    /// Every member's absences and permanences to come (members with none left out).
    func availabilities(in cpts: CptsID) async throws -> [MemberAvailability]

    /// Declares an absence of the signed-in member.
    func addAbsence(_ absence: Absence, in cpts: CptsID) async throws -> Availability

    /// Declares a one-off permanence of the signed-in member.
    func addPermanence(_ permanence: Permanence, in cpts: CptsID) async throws -> Availability

    /// Withdraws one of the signed-in member's absences (`noSuchEntry` when it is not there).
    func removeAbsence(_ absence: Absence, in cpts: CptsID) async throws -> Availability

    /// Withdraws one of the signed-in member's permanences (`noSuchEntry` when it is not there).
    func removePermanence(_ permanence: Permanence, in cpts: CptsID) async throws -> Availability

    // Joining a CPTS: a doctor signed in with Pro Santé Connect asks; the coordinator approves
    // (the directory entry is filled from the asker's PSC identity) or refuses. Who may answer
    // is the core's (and the homeserver's) decision: `coordinatorOnly` otherwise.

    /// Creates a CPTS with this name; the doctor becomes its coordinator (approves who asks to
    /// join, keeps the directory and the rota). Its id is what they give the professionals who ask
    /// to join. The core refuses an empty name (`invalidRequest(.noCptsName)`).
    func createCpts(named name: String) async throws -> Cpts

    /// Asks to join the CPTS with this space id (given by its coordinator); an approval arrives
    /// as the CPTS's invitation. `cptsNotFound` when no CPTS has this id.
    func askToJoin(_ cpts: CptsID) async throws

    /// Coordinator: who asked to join and waits, with their Pro Santé Connect identity.
    func joinRequests(in cpts: CptsID) async throws -> [JoinRequest]

    /// Coordinator: approves a request; the entry comes from the asker's PSC identity
    /// (`noVerifiedIdentity` without one), `specialties` are the codes served on duty.
    func approve(_ user: UserID, in cpts: CptsID, specialties: [String], retired: Bool) async throws -> MemberEntry

    /// Coordinator: refuses a request.
    func refuse(_ user: UserID, in cpts: CptsID) async throws

    // Partner CPTS: each coordinator declares the other; once both did (`agreed`), a request
    // nobody here is on duty for goes to the partner's specialists on duty. Whether a
    // partnership holds is the core's to say.

    /// The partners this CPTS declared, each with whether it declared this one too. Any member
    /// reads them.
    func partners(cptsID: CptsID) async throws -> [PartnerCpts]

    /// Coordinator: declares a partner by its space id and its coordinator's user id, or confirms
    /// one that declared this CPTS first. The core refuses anyone but the coordinator
    /// (`coordinatorOnly`), a space id that is no other CPTS (`notAPartner`), a malformed user id
    /// (`invalidUserID`), a coordinator on a server this CPTS's does not reach (`outsideNetwork`).
    func declarePartner(cptsID: CptsID, spaceID: CptsID, coordinator: UserID) async throws -> PartnerCpts

    /// Coordinator: ends a partnership (`coordinatorOnly` for anyone else).
    func withdrawPartner(cptsID: CptsID, spaceID: CptsID) async throws
}
