import Foundation

/// The CPTS directory and its duty rota.
public protocol DirectoryService: AnyObject {
    /// The fixed list of French medical specialties.
    func specialties() -> [Specialty]

    func spaces() throws -> [Cpts]
    func join(_ cpts: CptsID) async throws

    /// Search by specialty code and part of a name (accents and case ignored).
    func search(in cpts: CptsID, specialty: String?, name: String?) async throws -> [MemberEntry]

    /// Who is on duty now for this specialty.
    func onDutyNow(in cpts: CptsID, specialty: String) async throws -> [MemberEntry]
}
