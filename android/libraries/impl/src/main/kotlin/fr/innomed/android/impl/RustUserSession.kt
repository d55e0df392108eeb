package fr.innomed.android.impl

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.push.CaseNotification
import fr.innomed.android.api.push.PushError
import fr.innomed.android.api.push.PusherConfig
import fr.innomed.android.api.push.ScheduledReminder
import fr.innomed.android.api.session.UserSession
import fr.innomed.sdk.Client
import fr.innomed.sdk.SignOutListener
import fr.innomed.sdk.TaskHandle
import java.io.File

/** A signed-in account: the bindings' [Client] and the services over it. */
class RustUserSession internal constructor(
    private val client: Client,
    reportsDir: File,
) : UserSession {
    private val cpts = CptsLocator(client)
    private var signOutWatch: TaskHandle? = null

    override val userId = UserId(client.userId())
    override val deviceId = DeviceId(client.deviceId())
    override val cases = RustCaseService(client)
    override val conversations = RustConversationService(client)
    override val requests = RustRequestService(client, cpts, reportsDir)
    override val directory = RustDirectoryService(cpts)
    override val trust = RustTrustService(client)
    override val joinRequests = RustJoinRequestService(client, cpts)
    override val search = RustSearchService(client)

    override suspend fun notification(roomId: RoomId, eventId: EventId): Outcome<CaseNotification, PushError> =
        attempt(::pushError) { client.notification(roomId.value, eventId.value).toApi() }

    override suspend fun registerPusher(config: PusherConfig): Outcome<Unit, PushError> =
        attempt(::pushError) { client.registerPusher(config.toSdk()) }

    override suspend fun reminderSchedule(): Outcome<List<ScheduledReminder>, PushError> =
        attempt(::pushError) { client.reminderSchedule().map { it.toApi() } }

    /** Calls [onRevoked] once if the homeserver revokes this device while the app runs. */
    internal fun watchSignOut(onRevoked: () -> Unit) {
        signOutWatch = client.watchSignOut(object : SignOutListener {
            override fun onSignedOut() = onRevoked()
        })
    }

    internal suspend fun startSync() = client.startSync()

    /** Signs out on the homeserver and wipes the account; true if the homeserver confirmed. */
    internal suspend fun logout(): Boolean = client.logout().also { release() }

    /** Ends the client without signing out (account switch, tests). */
    internal suspend fun shutdown() {
        try {
            client.shutdown()
        } finally {
            release()
        }
    }

    /** Frees the bindings' objects; the account can be reopened once they are all gone. */
    internal fun release() {
        signOutWatch?.let {
            it.cancel()
            it.close()
        }
        signOutWatch = null
        conversations.close()
        cpts.close()
        client.close()
    }
}
