package fr.innomed.android.test

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.Secret
import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.push.CaseNotification
import fr.innomed.android.api.push.PushError
import fr.innomed.android.api.push.PusherConfig
import fr.innomed.android.api.push.ScheduledReminder
import fr.innomed.android.api.session.RestoreError
import fr.innomed.android.api.session.SessionService
import fr.innomed.android.api.session.SignInError
import fr.innomed.android.api.session.SignOutResult
import fr.innomed.android.api.session.UserSession
import kotlinx.coroutines.flow.MutableStateFlow

class FakeSessionService(
    /** What `isWellFormedUserId` says; by default `@name:server`. */
    var wellFormed: (String) -> Boolean = { Regex("^@[^:@\\s]+:[^:\\s]+$").matches(it) },
) : SessionService {
    data class SignIn(val homeserverUrl: String, val userId: String, val password: Secret)

    val signIns = Calls<SignIn>()
    val pscStarts = Calls<String>()
    val pscFinishes = Calls<String>()
    var pscCancels = 0
        private set

    /** Scripts sign-in; on success the session becomes active. */
    var signInResult: suspend (SignIn) -> Outcome<UserSession, SignInError> = { notScripted("signIn") }
    /** Scripts the start of a Pro Santé Connect sign-in (by homeserver): the page's address. */
    var startPscResult: suspend (String) -> Outcome<String, SignInError> = { notScripted("startPscSignIn") }

    /** Scripts its end (by the address the page came back to); on success the session becomes active. */
    var finishPscResult: suspend (String) -> Outcome<UserSession, SignInError> = { notScripted("finishPscSignIn") }
    var restoreResult: suspend () -> Outcome<UserSession, RestoreError> = { notScripted("restore") }
    var signOutResult: suspend () -> SignOutResult = { notScripted("signOut") }

    override val activeSession = MutableStateFlow<UserSession?>(null)

    override fun isWellFormedUserId(userId: String) = wellFormed(userId)

    override suspend fun signIn(homeserverUrl: String, userId: String, password: Secret): Outcome<UserSession, SignInError> {
        val call = SignIn(homeserverUrl, userId, password)
        signIns.add(call)
        return signInResult(call).also { if (it is Outcome.Success) activeSession.value = it.value }
    }

    override suspend fun startPscSignIn(homeserverUrl: String): Outcome<String, SignInError> {
        pscStarts.add(homeserverUrl)
        return startPscResult(homeserverUrl)
    }

    override suspend fun finishPscSignIn(callbackUrl: String): Outcome<UserSession, SignInError> {
        pscFinishes.add(callbackUrl)
        return finishPscResult(callbackUrl).also { if (it is Outcome.Success) activeSession.value = it.value }
    }

    override fun cancelPscSignIn() {
        pscCancels++
    }

    override suspend fun restore() =
        restoreResult().also { if (it is Outcome.Success) activeSession.value = it.value }

    override suspend fun signOut() = signOutResult().also { activeSession.value = null }
}

/** A signed-in doctor made of fakes. */
class FakeUserSession(
    override val userId: UserId = UserId("@dr.martin:cpts.test"),
    override val deviceId: DeviceId = DeviceId("PHONEGP001"),
    override val cases: FakeCaseService = FakeCaseService(),
    override val conversations: FakeConversationService = FakeConversationService(),
    override val requests: FakeRequestService = FakeRequestService(),
    override val directory: FakeDirectoryService = FakeDirectoryService(),
    override val trust: FakeTrustService = FakeTrustService(),
    override val joinRequests: FakeJoinRequestService = FakeJoinRequestService(),
    override val search: FakeSearchService = FakeSearchService(),
) : UserSession {
    val pushers = Calls<PusherConfig>()
    val notified = Calls<Pair<RoomId, EventId>>()

    var notificationResult: suspend (RoomId, EventId) -> Outcome<CaseNotification, PushError> =
        { _, _ -> notScripted("notification") }
    var registerPusherResult: suspend (PusherConfig) -> Outcome<Unit, PushError> = { notScripted("registerPusher") }

    override suspend fun notification(roomId: RoomId, eventId: EventId) =
        notificationResult(roomId, eventId).also { notified.add(roomId to eventId) }

    override suspend fun registerPusher(config: PusherConfig) = registerPusherResult(config).also { pushers.add(config) }

    /** The core's deadline reminders still to come; [reminderReads] counts the reads. */
    var reminderResult: suspend () -> Outcome<List<ScheduledReminder>, PushError> = { notScripted("reminderSchedule") }
    var reminderReads = 0
        private set

    override suspend fun reminderSchedule() = reminderResult().also { reminderReads++ }
}
