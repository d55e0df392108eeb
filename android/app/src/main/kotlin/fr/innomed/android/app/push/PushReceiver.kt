package fr.innomed.android.app.push

/**
 * What a push service hands to the app. Innomed's pushes are content-free: they carry a case's
 * room id and an event id, never text; the phone decrypts the event itself.
 *
 * The FCM service (a `FirebaseMessagingService`, which needs the Google services plugin and a
 * `google-services.json` per deployment, so it is not in this module) forwards
 * `onNewToken(token)` and each message's `room_id` / `event_id` data fields here.
 */
interface PushReceiver {
    /** A new registration token: register it as this phone's pusher. */
    suspend fun onNewToken(token: String)

    /** A push arrived: decrypt [eventId] of [roomId] on the phone and show the lock-screen line. */
    suspend fun onPush(roomId: String, eventId: String)
}
