import Foundation

/// The signed-in doctor on this device.
public struct Account: Equatable, Sendable {
    public let userID: UserID
    public let deviceID: String

    public init(userID: UserID, deviceID: String) {
        self.userID = userID
        self.deviceID = deviceID
    }
}

/// Everything a signed-in doctor's screens use, created by the `SessionService`.
public struct UserSession {
    public let account: Account
    public let cases: CaseService
    public let requests: RequestService
    public let directory: DirectoryService
    public let trust: TrustService
    public let search: SearchService

    public init(account: Account, cases: CaseService, requests: RequestService,
                directory: DirectoryService, trust: TrustService, search: SearchService) {
        self.account = account
        self.cases = cases
        self.requests = requests
        self.directory = directory
        self.trust = trust
        self.search = search
    }
}
