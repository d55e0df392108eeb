import Foundation

/// Every failure the screens can meet, one case per stable code of the core's error enums
/// (`AccountError`, `CaseError`, `ConversationError`, `PhotoError`, `TrustError`, `PushError`,
/// `CptsError`, `SearchError`). The views localise `localizationKey`; details of server or internal failures
/// are kept out of the UI and out of the logs.
public enum ServiceError: Error, Equatable, Sendable {
    // Account, session, sync
    case invalidHomeserverURL, homeserverUnreachable, invalidUserID, wrongCredentials
    case userIDTaken, registrationDisabled, wrongStoreKey, storeInUse, sessionRevoked
    case notLoggedIn, closed, syncTimeout, secureStorage, storage
    /// The homeserver does not offer sign-in with Pro Santé Connect.
    case proSanteConnectUnavailable
    /// The Pro Santé Connect page did not come back with a valid one-time token (cancelled or
    /// closed, expired, already used); a page the doctor closed reads the same.
    case signInRefused
    // Cases and conversation
    case notACase, caseNotFound, unknownUser, notCrossSigned, caseClosed, notEncrypted
    case notInvited, notAllowed, notJoined, messageNotFound, emptyMessage
    /// What is missing or too long in a case header, each reason in its own words.
    case invalidHeader(HeaderProblem)
    /// The homeserver has not confirmed a removal yet: nothing changed, try again.
    case removalNotConfirmed
    /// A request nobody may write into yet: the requesting GP's device has not handed it over
    /// to the specialist who took it.
    case notHandedOver
    /// Someone nobody of the case invited is a member (a server operator's doing): nothing is
    /// encrypted into the case until the doctor who opened it removes them.
    case uninvitedMember
    /// A member neither verified by the doctor nor attested by their CPTS: nothing is sent into
    /// the case until the doctor confirms them (or removes them).
    case unconfirmedMember
    /// A text too large to be sent as one message: nothing was queued.
    case messageTooLarge
    /// Only a closed case can be archived.
    case notClosed
    // Photos and documents
    /// A file over the core's limit (a photo's, or a document's 40 MB), both in bytes.
    case photoTooLarge(size: UInt64, limit: UInt64)
    /// Neither an image (JPEG, PNG, WebP) nor a PDF.
    case unsupportedFormat
    case tooManyPixels
    /// The file (photo or PDF) is corrupt or truncated.
    case corruptPhoto
    case unreadableFile
    /// A password-protected PDF: it cannot be cleaned, and nobody could open it.
    case encryptedDocument
    /// A PDF with more pages than the core sends (or opens).
    case tooManyPages(pages: Int, limit: Int)
    /// A PDF too complex to be cleaned on the phone.
    case tooManyObjects
    case noConsent, notAPhoto, notADocument, tampered, mediaMissing
    // Trust and verification
    case wrongRecoveryKey, recoveryNotSetUp, recoveryAlreadyEnabled, wrongPassword
    case unknownDevice, verificationNotReady
    // Push
    case invalidGatewayURL
    // CPTS and télé-expertise
    case invalidRPPS, unknownSpecialty
    /// Why the core refused a duty slot, each reason in its own words.
    case invalidSlot(SlotProblem)
    /// Why the core refused an absence or a permanence (or its withdrawal), each reason in its
    /// own words.
    case invalidAvailability(AvailabilityProblem)
    /// The CPTS's space was created before its members could declare their own absences and
    /// permanences: the homeserver refuses them until the coordinator next changes the rota.
    case availabilityNotOpen
    /// What is missing or wrong in a request, an advice, a directory entry…, each reason in its
    /// own words.
    case invalidRequest(RequestProblem)
    case noOneOnDuty(specialty: String, directory: [MemberEntry])
    /// The doctor is in no joined CPTS: a request goes only through one, nothing was opened.
    case noCpts
    /// No CPTS has this space id (or it is not one): asked to join nothing.
    case cptsNotFound
    /// The one who asked to join did not sign in with Pro Santé Connect (or their identity names
    /// no profession and RPPS number for the directory): they cannot be approved.
    case noVerifiedIdentity
    /// The professional the coordinator adds (or approves) uses the server of a CPTS that is not
    /// a partner of theirs: they cannot be added to the directory, nothing was written.
    case outsideNetwork
    /// The CPTS named is not a partner of the doctor's (never declared, or their own).
    case notAPartner
    /// The partner CPTS has not declared the doctor's in return (or ended the partnership).
    case partnerNotAgreed
    /// A join request answered (or listed) by a member who is not the CPTS's coordinator.
    case coordinatorOnly
    case alreadyTaken, notARequest, notInDirectory, notThisSpecialty, wrongStatus, noAdvice
    case reportFailed
    /// A photo attached to a new request was refused (too large, unsupported, damaged): nothing
    /// was created.
    case photoRefused
    // Search
    /// Nothing to look for: empty, punctuation, or only words too common to look for. The
    /// search screen asks for a word rather than showing an error.
    case nothingToSearch
    /// The query is longer than the core searches.
    case queryTooLong
    /// The search index cannot be read now (being rebuilt under the account's key, or the
    /// device's storage failed); the cases themselves are still there.
    case searchUnavailable
    // Anything else
    case server, internalFailure

    /// The stable code, for logs and for the localisation key (without the reason).
    public var code: String {
        switch self {
        case .noOneOnDuty: return "noOneOnDuty"
        case .invalidHeader: return "invalidHeader"
        case .invalidRequest: return "invalidRequest"
        case .invalidSlot: return "invalidSlot"
        case .invalidAvailability: return "invalidAvailability"
        case .photoTooLarge: return "photoTooLarge"
        case .tooManyPages: return "tooManyPages"
        default: return String(describing: self)
        }
    }

    /// `error.<code>` in Localizable.strings; a reason has its own key. The numbers a few errors
    /// carry (`photoTooLarge`, `tooManyPages`) are said by the views' `message`.
    public var localizationKey: String {
        switch self {
        case .invalidHeader(let problem): return problem.localizationKey
        case .invalidRequest(let problem): return problem.localizationKey
        case .invalidSlot(let problem): return problem.localizationKey
        case .invalidAvailability(let problem): return problem.localizationKey
        default: return "error.\(code)"
        }
    }

    /// Maps anything thrown below the services (already a `ServiceError` or not).
    public static func from(_ error: Error) -> ServiceError {
        (error as? ServiceError) ?? .internalFailure
    }
}

/// What is missing or too long in a case header (the core's `HeaderProblem`).
public enum HeaderProblem: Sendable {
    case noPatientLabel, noQuestion, patientLabelTooLong, textTooLong

    /// Its words in Localizable.strings.
    public var localizationKey: String {
        switch self {
        case .noPatientLabel: return "error.invalidHeader.noPatientLabel"
        case .noQuestion: return "error.invalidHeader.noQuestion"
        case .patientLabelTooLong: return "error.invalidHeader.patientLabelTooLong"
        case .textTooLong: return "error.invalidHeader.textTooLong"
        }
    }
}

/// What is missing or wrong in a request (its number to call back too), an advice, a care
/// team, a directory entry, a new CPTS or the CPTS's routing windows (the core's
/// `RequestProblem`).
public enum RequestProblem: Sendable {
    case noPatientConsent, expertIsSelf, incompleteAdvice, adviceTooLong
    case noCareTeamMembers, noMemberName, noSpecialty, noCptsName
    /// A routing window under 5 seconds, or not shorter than its urgency's deadline (24 h
    /// urgent, 48 h soon, 7 days routine).
    case routingWindow
    /// The number to call back is not a valid phone number.
    case invalidPhone

    /// Its words in Localizable.strings.
    public var localizationKey: String {
        switch self {
        case .noPatientConsent: return "error.invalidRequest.noPatientConsent"
        case .expertIsSelf: return "error.invalidRequest.expertIsSelf"
        case .incompleteAdvice: return "error.invalidRequest.incompleteAdvice"
        case .adviceTooLong: return "error.invalidRequest.adviceTooLong"
        case .noCareTeamMembers: return "error.invalidRequest.noCareTeamMembers"
        case .noMemberName: return "error.invalidRequest.noMemberName"
        case .noSpecialty: return "error.invalidRequest.noSpecialty"
        case .noCptsName: return "error.invalidRequest.noCptsName"
        case .routingWindow: return "error.invalidRequest.routingWindow"
        case .invalidPhone: return "error.invalidRequest.invalidPhone"
        }
    }
}

/// Why the core refused a duty slot (its `SlotProblem`).
public enum SlotProblem: Sendable {
    /// The specialty is not one of the member's in the directory.
    case notMemberSpecialty
    /// The slot does not start before it ends within one day (00:00 to 24:00).
    case outsideDay

    /// Its words in Localizable.strings.
    public var localizationKey: String {
        switch self {
        case .notMemberSpecialty: return "error.invalidSlot.notMemberSpecialty"
        case .outsideDay: return "error.invalidSlot.outsideDay"
        }
    }
}

/// Why the core refused an absence or a permanence (its `AvailabilityProblem`).
public enum AvailabilityProblem: Sendable {
    /// A day is not a date (`YYYY-MM-DD`).
    case badDate
    /// The absence's last day comes before its first.
    case endsBeforeStart
    /// It is already over (a day gone, or today's hours passed).
    case inThePast
    /// More than a year ahead.
    case tooFarAhead
    /// It overlaps an absence or a permanence already declared.
    case overlapping
    /// Too many absences or permanences declared.
    case tooMany
    /// The absence or permanence to withdraw is not there (any more).
    case noSuchEntry

    /// Its words in Localizable.strings.
    public var localizationKey: String {
        switch self {
        case .badDate: return "error.invalidAvailability.badDate"
        case .endsBeforeStart: return "error.invalidAvailability.endsBeforeStart"
        case .inThePast: return "error.invalidAvailability.inThePast"
        case .tooFarAhead: return "error.invalidAvailability.tooFarAhead"
        case .overlapping: return "error.invalidAvailability.overlapping"
        case .tooMany: return "error.invalidAvailability.tooMany"
        case .noSuchEntry: return "error.invalidAvailability.noSuchEntry"
        }
    }
}
