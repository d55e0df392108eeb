import Foundation
import InnomedFFI

/// Runs a call into the core and turns its typed errors into `ServiceError`.
func mapErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw ServiceError(rust: error)
    }
}

func mapErrorsSync<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw ServiceError(rust: error)
    }
}

/// A call on a CPTS space (directory and request services): here the core's `NotFound` is the
/// CPTS (a space id nobody has), not a case; its `NotAllowed` on the coordinator's calls (join
/// requests, the rota's changes, an entry's correction, the routing windows, the partners) is
/// the homeserver or the core refusing a member who is not the coordinator.
func mapSpaceErrors<T>(coordinator: Bool, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch CptsError.NotFound {
        throw ServiceError.cptsNotFound
    } catch CptsError.NotAllowed where coordinator {
        throw ServiceError.coordinatorOnly
    } catch {
        throw ServiceError(rust: error)
    }
}

extension ServiceError {
    init(rust error: Error) {
        switch error {
        case let mapped as ServiceError: self = mapped
        case let e as AccountError: self.init(account: e)
        case let e as CaseError: self.init(caseError: e)
        case let e as ConversationError: self.init(conversation: e)
        case let e as PhotoError: self.init(photo: e)
        case let e as TrustError: self.init(trust: e)
        case let e as PushError: self.init(push: e)
        case let e as CptsError: self.init(cpts: e)
        case let e as SearchError: self.init(search: e)
        case is SecureStoreError: self = .secureStorage
        case is CocoaError: self = .storage
        // A panic in the core arrives as UniFFI's own internal error.
        default: self = .internalFailure
        }
    }

    private init(account e: AccountError) {
        switch e {
        case .InvalidHomeserverUrl: self = .invalidHomeserverURL
        case .HomeserverUnreachable: self = .homeserverUnreachable
        case .InvalidUserId: self = .invalidUserID
        case .WrongCredentials: self = .wrongCredentials
        case .UserIdTaken: self = .userIDTaken
        case .RegistrationDisabled: self = .registrationDisabled
        case .WrongStoreKey: self = .wrongStoreKey
        case .StoreInUse: self = .storeInUse
        case .SessionRevoked: self = .sessionRevoked
        case .NotLoggedIn: self = .notLoggedIn
        case .Closed: self = .closed
        case .SyncTimeout: self = .syncTimeout
        case .SecureStorage: self = .secureStorage
        case .Storage: self = .storage
        case .Server: self = .server
        case .ProSanteConnectUnavailable: self = .proSanteConnectUnavailable
        case .SignInRefused: self = .signInRefused
        }
    }

    private init(caseError e: CaseError) {
        switch e {
        case .NotACase: self = .notACase
        case .NotFound: self = .caseNotFound
        case .InvalidUserId: self = .invalidUserID
        case .UnknownUser: self = .unknownUser
        case .NotCrossSigned: self = .notCrossSigned
        case .CaseClosed: self = .caseClosed
        case .NotEncrypted: self = .notEncrypted
        case .NotInvited: self = .notInvited
        case .InvalidHeader(let problem): self = .invalidHeader(HeaderProblem(rustValue: problem))
        case .NotAllowed: self = .notAllowed
        case .UnknownSpecialty: self = .unknownSpecialty
        case .RemovalNotConfirmed: self = .removalNotConfirmed
        case .NotClosed: self = .notClosed
        case .NotHandedOver: self = .notHandedOver
        case .UninvitedMember: self = .uninvitedMember
        case .UnconfirmedMember: self = .unconfirmedMember
        case .TooLarge: self = .messageTooLarge
        case .HomeserverUnreachable: self = .homeserverUnreachable
        case .Closed: self = .closed
        case .Server: self = .server
        }
    }

    private init(conversation e: ConversationError) {
        switch e {
        case .NotEncrypted: self = .notEncrypted
        case .NotJoined: self = .notJoined
        case .MessageNotFound: self = .messageNotFound
        case .EmptyMessage: self = .emptyMessage
        case .NotHandedOver: self = .notHandedOver
        case .UninvitedMember: self = .uninvitedMember
        case .UnconfirmedMember: self = .unconfirmedMember
        case .TooLarge: self = .messageTooLarge
        case .HomeserverUnreachable: self = .homeserverUnreachable
        case .Timeline: self = .server
        }
    }

    private init(photo e: PhotoError) {
        switch e {
        case .TooLarge(let size, let limit): self = .photoTooLarge(size: size, limit: limit)
        case .UnsupportedFormat: self = .unsupportedFormat
        case .TooManyPixels: self = .tooManyPixels
        case .Corrupt: self = .corruptPhoto
        case .Encrypted: self = .encryptedDocument
        case .TooManyPages(let pages, let limit): self = .tooManyPages(pages: Int(pages), limit: Int(limit))
        case .TooManyObjects: self = .tooManyObjects
        case .Unreadable: self = .unreadableFile
        case .NoConsent: self = .noConsent
        case .NotJoined: self = .notJoined
        case .NotEncrypted: self = .notEncrypted
        case .NotHandedOver: self = .notHandedOver
        case .UninvitedMember: self = .uninvitedMember
        case .UnconfirmedMember: self = .unconfirmedMember
        case .MessageNotFound: self = .messageNotFound
        case .NotAPhoto: self = .notAPhoto
        case .NotADocument: self = .notADocument
        case .Tampered: self = .tampered
        case .MediaMissing: self = .mediaMissing
        case .HomeserverUnreachable: self = .homeserverUnreachable
        case .Failed: self = .server
        }
    }

    private init(trust e: TrustError) {
        switch e {
        case .WrongRecoveryKey: self = .wrongRecoveryKey
        case .RecoveryNotSetUp: self = .recoveryNotSetUp
        case .RecoveryAlreadyEnabled: self = .recoveryAlreadyEnabled
        case .WrongPassword: self = .wrongPassword
        case .UnknownDevice: self = .unknownDevice
        case .VerificationNotReady: self = .verificationNotReady
        case .HomeserverUnreachable: self = .homeserverUnreachable
        case .Closed: self = .closed
        case .Server: self = .server
        }
    }

    private init(push e: PushError) {
        switch e {
        case .InvalidGatewayUrl: self = .invalidGatewayURL
        case .NotFound: self = .messageNotFound
        case .HomeserverUnreachable: self = .homeserverUnreachable
        case .Closed: self = .closed
        case .Server: self = .server
        }
    }

    private init(cpts e: CptsError) {
        switch e {
        case .InvalidRpps: self = .invalidRPPS
        case .UnknownSpecialty: self = .unknownSpecialty
        case .InvalidSlot(let problem): self = .invalidSlot(SlotProblem(rustValue: problem))
        case .InvalidAvailability(let problem): self = .invalidAvailability(AvailabilityProblem(rustValue: problem))
        case .InvalidRequest(let problem): self = .invalidRequest(RequestProblem(rustValue: problem))
        case .NoOneOnDuty(let specialty, let directory):
            self = .noOneOnDuty(specialty: specialty, directory: directory.map(MemberEntry.init(rustValue:)))
        case .AlreadyTaken: self = .alreadyTaken
        case .NotARequest: self = .notARequest
        case .NotInDirectory: self = .notInDirectory
        case .OutsideNetwork: self = .outsideNetwork
        case .NotAPartner: self = .notAPartner
        case .PartnerNotAgreed: self = .partnerNotAgreed
        case .NotThisSpecialty: self = .notThisSpecialty
        case .NotFound: self = .caseNotFound
        case .NotAllowed: self = .notAllowed
        case .NoVerifiedIdentity: self = .noVerifiedIdentity
        case .WrongStatus: self = .wrongStatus
        case .NoAdvice: self = .noAdvice
        case .Report: self = .reportFailed
        // The case's own refusals (not handed over, someone uninvited in it, a header…) read
        // as they do for any case.
        case .Case(let caseError): self.init(caseError: caseError)
        case .Photo(let photoError): self.init(requestPhoto: photoError)
        case .HomeserverUnreachable: self = .homeserverUnreachable
        case .Server: self = .server
        }
    }

    /// The index's own failures (sealed under another key and being rebuilt, or the device's
    /// storage) read alike: search is unavailable for now, the cases are not.
    private init(search e: SearchError) {
        switch e {
        case .NothingToSearch: self = .nothingToSearch
        case .QueryTooLong: self = .queryTooLong
        case .WrongKey: self = .searchUnavailable
        case .Store: self = .searchUnavailable
        }
    }

    /// A photo attached to a new request: without the patient's consent to photos it is that
    /// consent that is missing; any other refusal is the photo's own (too large, unsupported,
    /// damaged, unreadable), and nothing was created.
    private init(requestPhoto e: PhotoError) {
        switch e {
        case .NoConsent: self = .noConsent
        default: self = .photoRefused
        }
    }
}

// The core's reasons keep their names in this module too, so the generated ones are named with
// their module here.

extension HeaderProblem {
    init(rustValue: InnomedFFI.HeaderProblem) {
        switch rustValue {
        case .noPatientLabel: self = .noPatientLabel
        case .noQuestion: self = .noQuestion
        case .patientLabelTooLong: self = .patientLabelTooLong
        case .textTooLong: self = .textTooLong
        }
    }
}

extension RequestProblem {
    init(rustValue: InnomedFFI.RequestProblem) {
        switch rustValue {
        case .noPatientConsent: self = .noPatientConsent
        case .expertIsSelf: self = .expertIsSelf
        case .incompleteAdvice: self = .incompleteAdvice
        case .adviceTooLong: self = .adviceTooLong
        case .noCareTeamMembers: self = .noCareTeamMembers
        case .noMemberName: self = .noMemberName
        case .noSpecialty: self = .noSpecialty
        case .noCptsName: self = .noCptsName
        case .routingWindow: self = .routingWindow
        case .invalidPhone: self = .invalidPhone
        }
    }
}
