import Foundation

/// Every failure the screens can meet, one case per stable code of the core's error enums
/// (`AccountError`, `CaseError`, `ConversationError`, `PhotoError`, `TrustError`, `PushError`,
/// `CptsError`). The views localise `localizationKey`; details of server or internal failures
/// are kept out of the UI and out of the logs.
public enum ServiceError: Error, Equatable, Sendable {
    // Account, session, sync
    case invalidHomeserverURL, homeserverUnreachable, invalidUserID, wrongCredentials
    case userIDTaken, registrationDisabled, wrongStoreKey, storeInUse, sessionRevoked
    case notLoggedIn, closed, syncTimeout, secureStorage, storage
    // Cases and conversation
    case notACase, caseNotFound, unknownUser, notCrossSigned, caseClosed, notEncrypted
    case notInvited, invalidHeader, notAllowed, notJoined, messageNotFound, emptyMessage
    /// The homeserver has not confirmed a removal yet: nothing changed, try again.
    case removalNotConfirmed
    /// A request nobody may write into yet: the requesting GP's device has not handed it over
    /// to the specialist who took it.
    case notHandedOver
    /// Someone nobody of the case invited is a member (a server operator's doing): nothing is
    /// encrypted into the case until the doctor who opened it removes them.
    case uninvitedMember
    /// A text too large to be sent as one message: nothing was queued.
    case messageTooLarge
    // Photos
    case photoTooLarge, unsupportedFormat, tooManyPixels, corruptPhoto, unreadableFile
    case noConsent, notAPhoto, tampered, mediaMissing
    // Trust and verification
    case wrongRecoveryKey, recoveryNotSetUp, recoveryAlreadyEnabled, wrongPassword
    case unknownDevice, verificationNotReady
    // Push
    case invalidGatewayURL
    // CPTS and télé-expertise
    case invalidRPPS, unknownSpecialty, invalidSlot, invalidRequest
    case noOneOnDuty(specialty: String, directory: [DirectoryMember])
    /// The doctor is in no joined CPTS: a request goes only through one, nothing was opened.
    case noCpts
    case alreadyTaken, notARequest, notInDirectory, notThisSpecialty, wrongStatus, noAdvice
    case reportFailed
    /// A photo attached to a new request was refused (too large, unsupported, damaged): nothing
    /// was created.
    case photoRefused
    // Anything else
    case server, internalFailure

    /// The stable code, for logs and for the localisation key.
    public var code: String {
        switch self {
        case .noOneOnDuty: return "noOneOnDuty"
        default: return String(describing: self)
        }
    }

    /// `error.<code>` in Localizable.strings.
    public var localizationKey: String { "error.\(code)" }

    /// Maps anything thrown below the services (already a `ServiceError` or not).
    public static func from(_ error: Error) -> ServiceError {
        (error as? ServiceError) ?? .internalFailure
    }
}
