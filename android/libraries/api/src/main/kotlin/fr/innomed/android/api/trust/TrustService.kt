package fr.innomed.android.api.trust

import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.UserId
import kotlinx.coroutines.flow.Flow

/** The recovery key and device verification with emojis. */
interface TrustService {
    /** Which recovery screen applies now. */
    fun recoveryStatus(): RecoveryStatus

    /** Sets up key backup; the key is shown once and is never available again. */
    suspend fun enableRecovery(): Outcome<Secret, TrustError>

    /** Enters the recovery key on a new device: it becomes verified and reads the old history. */
    suspend fun recover(recoveryKey: Secret): Outcome<Unit, TrustError>

    /** Whether the doctor's identity signed this device. */
    suspend fun isThisDeviceVerified(): Boolean

    /** A doctor's devices (the doctor's own, or a colleague's), fresh from the homeserver. */
    suspend fun devicesOf(userId: UserId): Outcome<List<DeviceInfo>, TrustError>

    /** Asks one device to verify with emojis. */
    suspend fun verifyDevice(userId: UserId, deviceId: DeviceId): Outcome<Verification, TrustError>

    /** The next request another device sent, or null after [timeoutMillis]. */
    suspend fun incomingVerification(timeoutMillis: Long): Outcome<Verification?, TrustError>
}

/** Where the doctor's recovery key stands, for this device. */
enum class RecoveryStatus {
    /** Not known until the first sync: wait. */
    UNKNOWN,

    /** No recovery key yet: offer to create one. */
    DISABLED,

    /** Set up, but this device does not have it: ask for the key. */
    INCOMPLETE,
    ENABLED,
}

/** A device of a doctor, and whether this doctor verified it. */
data class DeviceInfo(val deviceId: DeviceId, val verified: Boolean)

/** One verification with another device; [close] it when the screen goes away. */
interface Verification {
    val otherUser: UserId
    val isSelfVerification: Boolean

    /** Where it stands, as it changes, ending after [VerificationState.Done] or [VerificationState.Cancelled]. */
    val states: Flow<VerificationState>

    suspend fun accept(): Outcome<Unit, TrustError>

    suspend fun startEmojis(): Outcome<Unit, TrustError>

    /** Both screens show the same emojis. */
    suspend fun confirm(): Outcome<Unit, TrustError>

    /** They differ: cancels both sides, verifies nothing. */
    suspend fun mismatch(): Outcome<Unit, TrustError>

    suspend fun cancel(): Outcome<Unit, TrustError>

    fun close()
}

/** Where a verification stands. */
sealed interface VerificationState {
    /** The request is waiting for the other device (or for this doctor to accept it). */
    data object Requested : VerificationState

    data object Ready : VerificationState

    data object Starting : VerificationState

    /** Show these seven; ask whether the other screen shows the same. */
    data class Emojis(val emojis: List<SasEmoji>) : VerificationState

    /** This side confirmed; waiting for the other. */
    data object Confirmed : VerificationState

    data object Done : VerificationState

    /** `reason` is the Matrix cancel code (`m.mismatched_sas`, `m.user`…). */
    data class Cancelled(val reason: String) : VerificationState
}

/**
 * One emoji of the comparison. [index] is its place (0–63) in the Matrix spec's SAS emoji
 * table, which the apps use to show their own French or English name; [description] is the
 * spec's English name.
 */
data class SasEmoji(val index: Int, val symbol: String, val description: String)

sealed interface TrustError {
    data object WrongRecoveryKey : TrustError

    data object RecoveryNotSetUp : TrustError

    data object RecoveryAlreadyEnabled : TrustError

    data object UnknownDevice : TrustError

    data object VerificationNotReady : TrustError

    data object HomeserverUnreachable : TrustError

    data class Other(val code: String) : TrustError
}
