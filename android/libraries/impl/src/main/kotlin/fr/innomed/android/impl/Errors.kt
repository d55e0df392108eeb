package fr.innomed.android.impl

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.HeaderProblem
import fr.innomed.android.api.conversation.ConversationError
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.cpts.JoinRequestError
import fr.innomed.android.api.directory.AvailabilityProblem
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.EntryProblem
import fr.innomed.android.api.directory.SlotProblem
import fr.innomed.android.api.push.PushError
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestProblem
import fr.innomed.android.api.search.SearchError
import fr.innomed.android.api.session.RestoreError
import fr.innomed.android.api.session.SignInError
import fr.innomed.android.api.trust.TrustError
import fr.innomed.core.AccountException
import fr.innomed.core.CaseException
import fr.innomed.core.ConversationException
import fr.innomed.core.CptsException
import fr.innomed.core.PhotoException
import fr.innomed.core.PushException
import fr.innomed.core.SearchException
import fr.innomed.core.TrustException
import kotlin.coroutines.cancellation.CancellationException
import fr.innomed.core.RequestProblem as SdkRequestProblem

/**
 * Runs one call into the bindings and maps what it throws to the API's typed error.
 * Cancellation passes through; nothing is logged (an exception's detail may quote the server).
 */
internal inline fun <T, E> attempt(toError: (Exception) -> E, block: () -> T): Outcome<T, E> =
    try {
        Outcome.Success(block())
    } catch (e: CancellationException) {
        throw e
    } catch (e: Exception) {
        Outcome.Failure(toError(e))
    }

/** A stable code for support: the generated exception's name (`AccountException.StoreInUse`), no detail. */
internal fun Exception.code(): String = javaClass.name.substringAfterLast('.').replace('$', '.')

internal fun signInError(e: Exception): SignInError = when (e) {
    is AccountException.WrongCredentials -> SignInError.WrongCredentials
    is AccountException.HomeserverUnreachable -> SignInError.HomeserverUnreachable
    is AccountException.InvalidUserId -> SignInError.InvalidUserId
    is AccountException.InvalidHomeserverUrl -> SignInError.InvalidHomeserverUrl
    is AccountException.ProSanteConnectUnavailable -> SignInError.ProSanteConnectUnavailable
    is AccountException.SignInRefused -> SignInError.SignInRefused
    else -> SignInError.Other(e.code())
}

internal fun restoreError(e: Exception): RestoreError = when (e) {
    is AccountException.NotLoggedIn -> RestoreError.NoSession
    is AccountException.SessionRevoked -> RestoreError.SessionRevoked
    else -> RestoreError.Other(e.code())
}

internal fun caseError(e: Exception): CaseError = when (e) {
    is CaseException.NotFound, is CaseException.NotACase -> CaseError.NotFound
    is CaseException.NotInvited -> CaseError.NotInvited
    is CaseException.NotAllowed -> CaseError.NotAllowed
    is CaseException.CaseClosed -> CaseError.CaseClosed
    is CaseException.InvalidUserId -> CaseError.InvalidUserId
    is CaseException.UnknownUser -> CaseError.UnknownUser
    is CaseException.NotCrossSigned -> CaseError.NotCrossSigned
    is CaseException.InvalidHeader -> CaseError.InvalidHeader(HeaderProblem.valueOf(e.v1.name))
    is CaseException.UnknownSpecialty -> CaseError.UnknownSpecialty
    is CaseException.RemovalNotConfirmed -> CaseError.RemovalNotConfirmed
    is CaseException.NotHandedOver -> CaseError.NotHandedOver
    is CaseException.UninvitedMember -> CaseError.UninvitedMember
    is CaseException.UnconfirmedMember -> CaseError.UnconfirmedMember
    is CaseException.NotClosed -> CaseError.NotClosed
    is CaseException.HomeserverUnreachable, is AccountException.HomeserverUnreachable -> CaseError.HomeserverUnreachable
    else -> CaseError.Other(e.code())
}

/** `Store` carries the index's own detail (it may name files): only the kind is kept. */
internal fun searchError(e: Exception): SearchError = when (e) {
    is SearchException.NothingToSearch -> SearchError.NothingToSearch
    is SearchException.QueryTooLong -> SearchError.QueryTooLong
    is SearchException.WrongKey -> SearchError.WrongKey
    is SearchException.Store -> SearchError.Store
    else -> SearchError.Other(e.code())
}

internal fun conversationError(e: Exception): ConversationError = when (e) {
    is ConversationException.EmptyMessage -> ConversationError.EmptyMessage
    is ConversationException.NotJoined, is CaseException.NotFound, is CaseException.NotACase -> ConversationError.NotJoined
    is ConversationException.MessageNotFound -> ConversationError.MessageNotFound
    is ConversationException.NotHandedOver, is CaseException.NotHandedOver -> ConversationError.NotHandedOver
    is ConversationException.UninvitedMember, is CaseException.UninvitedMember -> ConversationError.UninvitedMember
    is ConversationException.UnconfirmedMember, is CaseException.UnconfirmedMember -> ConversationError.UnconfirmedMember
    is ConversationException.TooLarge, is CaseException.TooLarge -> ConversationError.TooLarge
    is ConversationException.HomeserverUnreachable, is CaseException.HomeserverUnreachable -> ConversationError.HomeserverUnreachable
    else -> ConversationError.Other(e.code())
}

/** `Failed` and `Internal` carry a detail that may quote the server: only their code is kept. */
internal fun photoError(e: Exception): PhotoError = when (e) {
    is PhotoException.TooLarge -> PhotoError.TooLarge(e.size.toLongClamped(), e.limit.toLongClamped())
    is PhotoException.UnsupportedFormat -> PhotoError.UnsupportedFormat
    is PhotoException.TooManyPixels ->
        PhotoError.TooManyPixels(e.width.toIntClamped(), e.height.toIntClamped(), e.limit.toLongClamped())
    is PhotoException.Corrupt -> PhotoError.Corrupt
    is PhotoException.Encrypted -> PhotoError.EncryptedDocument
    is PhotoException.TooManyPages -> PhotoError.TooManyPages(e.pages.toIntClamped(), e.limit.toIntClamped())
    is PhotoException.TooManyObjects -> PhotoError.TooManyObjects(e.objects.toLongClamped(), e.limit.toLongClamped())
    is PhotoException.Unreadable -> PhotoError.Unreadable
    is PhotoException.NoConsent -> PhotoError.NoConsent
    is PhotoException.NotJoined, is ConversationException.NotJoined, is CaseException.NotFound, is CaseException.NotACase ->
        PhotoError.NotJoined
    is PhotoException.NotEncrypted -> PhotoError.NotEncrypted
    is PhotoException.NotHandedOver, is ConversationException.NotHandedOver, is CaseException.NotHandedOver -> PhotoError.NotHandedOver
    is PhotoException.UninvitedMember, is ConversationException.UninvitedMember, is CaseException.UninvitedMember ->
        PhotoError.UninvitedMember
    is PhotoException.UnconfirmedMember, is ConversationException.UnconfirmedMember, is CaseException.UnconfirmedMember ->
        PhotoError.UnconfirmedMember
    is PhotoException.MessageNotFound -> PhotoError.MessageNotFound
    is PhotoException.NotAPhoto -> PhotoError.NotAPhoto
    is PhotoException.NotADocument -> PhotoError.NotADocument
    is PhotoException.Tampered -> PhotoError.Tampered
    is PhotoException.MediaMissing -> PhotoError.MediaMissing
    is PhotoException.HomeserverUnreachable, is CaseException.HomeserverUnreachable -> PhotoError.HomeserverUnreachable
    else -> PhotoError.Other(e.code())
}

internal fun pushError(e: Exception): PushError = when (e) {
    is PushException.InvalidGatewayUrl -> PushError.InvalidGatewayUrl
    is PushException.NotFound -> PushError.NotFound
    is PushException.HomeserverUnreachable -> PushError.HomeserverUnreachable
    else -> PushError.Other(e.code())
}

internal fun ULong.toLongClamped(): Long = coerceAtMost(Long.MAX_VALUE.toULong()).toLong()

internal fun UInt.toIntClamped(): Int = coerceAtMost(Int.MAX_VALUE.toUInt()).toInt()

internal fun requestError(e: Exception): RequestError = when (e) {
    is CptsException.NoOneOnDuty -> RequestError.NoOneOnDuty(e.specialty, e.directory.map { it.toApi() })
    is CptsException.UnknownSpecialty -> RequestError.UnknownSpecialty(e.v1)
    is CptsException.InvalidRequest ->
        if (e.v1 == SdkRequestProblem.NO_PATIENT_CONSENT) RequestError.ConsentMissing
        else RequestError.InvalidRequest(RequestProblem.valueOf(e.v1.name))
    is CptsException.Photo ->
        if (e.v1 is PhotoException.NoConsent) RequestError.PhotoConsentMissing else RequestError.PhotoRefused
    is CptsException.NotInDirectory, is CptsException.NotThisSpecialty -> RequestError.ExpertNotEligible
    is CptsException.AlreadyTaken -> RequestError.AlreadyTaken
    is CptsException.NotAllowed -> RequestError.NotAllowed
    is CptsException.WrongStatus -> RequestError.WrongStatus
    is CptsException.NoAdvice -> RequestError.NoAdvice
    is CptsException.NotARequest -> RequestError.NotARequest
    is CaseException.NotAllowed -> RequestError.NotAllowed
    is CaseException.InvalidHeader -> RequestError.InvalidHeader(HeaderProblem.valueOf(e.v1.name))
    is CaseException.NotCrossSigned -> RequestError.NotCrossSigned
    is CaseException.NotHandedOver -> RequestError.NotHandedOver
    is CaseException.UninvitedMember -> RequestError.UninvitedMember
    is CaseException.UnconfirmedMember -> RequestError.UnconfirmedMember
    is CptsException.HomeserverUnreachable, is CaseException.HomeserverUnreachable -> RequestError.HomeserverUnreachable
    // The core's errors nest: a case error inside a request's is mapped as itself.
    is CptsException.Case -> requestError(e.v1)
    else -> RequestError.Other(e.code())
}

/** A care team's members are picked from the directory: one who is not there is said as such. */
internal fun careTeamError(e: Exception): RequestError = when (e) {
    is CptsException.NotInDirectory -> RequestError.NotInDirectory
    else -> requestError(e)
}

internal fun directoryError(e: Exception): DirectoryError = when (e) {
    is CptsException.UnknownSpecialty -> DirectoryError.UnknownSpecialty(e.v1)
    is CptsException.HomeserverUnreachable -> DirectoryError.HomeserverUnreachable
    is CptsException.NotAllowed -> DirectoryError.NotAllowed
    is CptsException.NotInDirectory -> DirectoryError.NotInDirectory
    is CptsException.OutsideNetwork -> DirectoryError.OutsideNetwork
    is CptsException.NotAPartner -> DirectoryError.NotAPartner
    is CptsException.PartnerNotAgreed -> DirectoryError.PartnerNotAgreed
    is CptsException.InvalidSlot -> DirectoryError.InvalidSlot(SlotProblem.valueOf(e.v1.name))
    is CptsException.InvalidAvailability -> DirectoryError.InvalidAvailability(AvailabilityProblem.valueOf(e.v1.name))
    is CptsException.InvalidRequest -> when (e.v1) {
        SdkRequestProblem.NO_MEMBER_NAME -> DirectoryError.InvalidEntry(EntryProblem.NO_MEMBER_NAME)
        SdkRequestProblem.NO_SPECIALTY -> DirectoryError.InvalidEntry(EntryProblem.NO_SPECIALTY)
        else -> DirectoryError.Other(e.code())
    }
    is CptsException.Case -> when (e.v1) {
        is CaseException.HomeserverUnreachable -> DirectoryError.HomeserverUnreachable
        // A partner CPTS's coordinator, as the coordinator typed it.
        is CaseException.InvalidUserId -> DirectoryError.InvalidUserId
        else -> DirectoryError.Other(e.v1.code())
    }
    else -> DirectoryError.Other(e.code())
}

/** A space id that names no room is the core's `NotFound` or the homeserver's `M_NOT_FOUND`. */
internal fun joinRequestError(e: Exception): JoinRequestError = when (e) {
    is CptsException.NotFound -> JoinRequestError.CptsNotFound
    is CptsException.Server -> if (e.v1 == "M_NOT_FOUND") JoinRequestError.CptsNotFound else JoinRequestError.Other(e.code())
    is CptsException.NotAllowed, is CaseException.NotAllowed -> JoinRequestError.NotAllowed
    is CptsException.NoVerifiedIdentity -> JoinRequestError.NoVerifiedIdentity
    is CptsException.OutsideNetwork -> JoinRequestError.OutsideNetwork
    is CptsException.UnknownSpecialty -> JoinRequestError.UnknownSpecialty(e.v1)
    is CptsException.InvalidRequest ->
        if (e.v1 == SdkRequestProblem.NO_CPTS_NAME) JoinRequestError.NoCptsName else JoinRequestError.Other(e.code())
    is CptsException.HomeserverUnreachable, is CaseException.HomeserverUnreachable -> JoinRequestError.HomeserverUnreachable
    is CptsException.Case -> joinRequestError(e.v1)
    else -> JoinRequestError.Other(e.code())
}

internal fun trustError(e: Exception): TrustError = when (e) {
    is TrustException.WrongRecoveryKey -> TrustError.WrongRecoveryKey
    is TrustException.RecoveryNotSetUp -> TrustError.RecoveryNotSetUp
    is TrustException.RecoveryAlreadyEnabled -> TrustError.RecoveryAlreadyEnabled
    is TrustException.UnknownDevice -> TrustError.UnknownDevice
    is TrustException.VerificationNotReady -> TrustError.VerificationNotReady
    is TrustException.HomeserverUnreachable -> TrustError.HomeserverUnreachable
    else -> TrustError.Other(e.code())
}
