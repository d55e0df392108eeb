package fr.innomed.android.api.push

import fr.innomed.android.api.EventId
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.Secret

enum class PushPlatform { ANDROID, IOS }

/** This phone, as a pusher of the account: pushes carry a room id and an event id, never text. */
data class PusherConfig(
    /** `fr.innomed.android`. */
    val appId: String,
    /** The FCM registration token; a [Secret] so it is never printed. */
    val pushkey: Secret,
    /** The CPTS's push gateway (`https://…/_matrix/push/v1/notify`). */
    val gatewayUrl: String,
    val deviceName: String,
    /** `fr` or `en`. */
    val lang: String,
    val platform: PushPlatform,
)

enum class NotificationKind {
    MESSAGE,
    PHOTO,
    INVITATION,

    /** The message could not be decrypted on this device (yet). */
    ENCRYPTED,

    /**
     * For a coordinator: a request of their CPTS nobody took within its window. The
     * notification's room id is then the CPTS space's, not a case's; its code is the request's.
     */
    UNANSWERED,
    OTHER,
}

/**
 * A pushed event, decrypted on this phone and described for the lock screen. The two lines
 * are the core's ready-made ones (the case's opaque code and what arrived): no body, no name.
 * [roomId] is the case's, or the CPTS space's for [NotificationKind.UNANSWERED] (see [tap]).
 */
data class CaseNotification(
    val roomId: RoomId,
    val eventId: EventId,
    val caseCode: String,
    val kind: NotificationKind,
    val lockScreenFr: String,
    val lockScreenEn: String,
)

sealed interface PushError {
    /** The push gateway URL must be https. */
    data object InvalidGatewayUrl : PushError

    /** No such case or event (the push came for something this account cannot see). */
    data object NotFound : PushError

    data object HomeserverUnreachable : PushError

    data class Other(val code: String) : PushError
}
