package fr.innomed.android.api.session

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.Secret
import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseService
import fr.innomed.android.api.conversation.ConversationService
import fr.innomed.android.api.cpts.JoinRequestService
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.push.CaseNotification
import fr.innomed.android.api.push.PushError
import fr.innomed.android.api.push.PusherConfig
import fr.innomed.android.api.push.ScheduledReminder
import fr.innomed.android.api.requests.RequestService
import fr.innomed.android.api.search.SearchService
import fr.innomed.android.api.trust.TrustService
import kotlinx.coroutines.flow.StateFlow

/** Signing in, reopening the saved account at app start, signing out. */
interface SessionService {
    /** The signed-in doctor's services, or null on the sign-in screen (also after a remote sign-out). */
    val activeSession: StateFlow<UserSession?>

    /** Whether [userId] is a well-formed user id (`@name:server`), as the sign-in button checks. */
    fun isWellFormedUserId(userId: String): Boolean

    /** Signs in on this device (a new device of the account) and starts syncing. */
    suspend fun signIn(homeserverUrl: String, userId: String, password: Secret): Outcome<UserSession, SignInError>

    /**
     * Starts a sign-in with Pro Santé Connect on [homeserverUrl]; the answer is the page to open
     * in the platform's authentication session. One at a time: a new start replaces the one
     * under way.
     */
    suspend fun startPscSignIn(homeserverUrl: String): Outcome<String, SignInError>

    /**
     * Ends the Pro Santé Connect sign-in under way with the address its page came back to (the
     * app's redirect), and starts syncing. Without one under way: [SignInError.SignInRefused].
     */
    suspend fun finishPscSignIn(callbackUrl: String): Outcome<UserSession, SignInError>

    /** Forgets the Pro Santé Connect sign-in under way, if any (the doctor cancelled it). */
    fun cancelPscSignIn()

    /** Reopens the account saved on this device, without the password and offline if need be. */
    suspend fun restore(): Outcome<UserSession, RestoreError>

    /** Signs out the active session and wipes its data on this device. */
    suspend fun signOut(): SignOutResult
}

/** Everything a signed-in doctor uses; presenters take only the service they need. */
interface UserSession {
    val userId: UserId

    /** This phone's identifier, which a colleague verifying the doctor may be asked to pick. */
    val deviceId: DeviceId
    val cases: CaseService
    val conversations: ConversationService
    val requests: RequestService
    val directory: DirectoryService
    val trust: TrustService
    val joinRequests: JoinRequestService

    /** Search across the cases on this phone. */
    val search: SearchService

    /** Decrypts a pushed event with this running session and describes it for the lock screen. */
    suspend fun notification(roomId: RoomId, eventId: EventId): Outcome<CaseNotification, PushError>

    /** Registers this phone for pushes that carry event ids only (again at each new token). */
    suspend fun registerPusher(config: PusherConfig): Outcome<Unit, PushError>

    /**
     * Every deadline reminder still to come for this doctor's open requests, soonest first: the
     * app hands them to the phone's scheduler ([fr.innomed.android.api.push.ReminderSchedule]).
     */
    suspend fun reminderSchedule(): Outcome<List<ScheduledReminder>, PushError>
}

/** Why sign-in failed; the screen shows one message per kind. */
sealed interface SignInError {
    data object WrongCredentials : SignInError

    data object HomeserverUnreachable : SignInError

    data object InvalidUserId : SignInError

    data object InvalidHomeserverUrl : SignInError

    /** The homeserver does not offer Pro Santé Connect. */
    data object ProSanteConnectUnavailable : SignInError

    /** The Pro Santé Connect page was cancelled or closed, or its answer is missing, expired or replayed. */
    data object SignInRefused : SignInError

    /** Anything else, with the core's stable error code for support (never a message body). */
    data class Other(val code: String) : SignInError
}

sealed interface RestoreError {
    /** Nothing saved: show the sign-in screen. */
    data object NoSession : RestoreError

    /** The homeserver revoked this device; its data is already wiped. */
    data object SessionRevoked : RestoreError

    data class Other(val code: String) : RestoreError
}

enum class SignOutResult {
    /** The homeserver revoked the session and the local data is gone. */
    SIGNED_OUT,

    /** The local data is gone, but the homeserver could not be told. */
    SIGNED_OUT_LOCALLY,

    /** Signing out failed; the account is still on this device. */
    FAILED,

    /** There was no active session. */
    NOT_SIGNED_IN,
}
