package fr.innomed.android.features.verification

import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.trust.SasEmoji
import fr.innomed.android.api.trust.TrustError

/** Which verification this screen runs. */
sealed interface VerificationTarget {
    /** This doctor asks one device (their other phone, or a colleague's) to verify. */
    data class Device(val userId: UserId, val deviceId: DeviceId) : VerificationTarget

    /**
     * This doctor verifies a colleague met in person or on the phone, from a case's members: the
     * device the colleague has in hand is asked (chosen when they use several).
     */
    data class Colleague(val userId: UserId, val name: String) : VerificationTarget

    /** This device waits for a request another device sends (a new phone being verified). */
    data class Incoming(val timeoutMillis: Long = 120_000) : VerificationTarget
}

enum class CancelKind { MISMATCH, BY_USER, TIMEOUT, OTHER }

/** The emoji steps, as the screen draws them. */
sealed interface VerificationPhase {
    data object Starting : VerificationPhase

    /** The colleague uses several devices: which one do they have in hand? */
    data class ChooseDevice(val devices: List<DeviceId>) : VerificationPhase

    /** The colleague has no device to verify (never signed in to Innomed with end-to-end encryption). */
    data object NoDevice : VerificationPhase

    data object WaitingForRequest : VerificationPhase

    /** No request came before the timeout. */
    data object NoRequest : VerificationPhase

    /** Sent, waiting for the other device; or received, waiting for this doctor to accept. */
    data object Requested : VerificationPhase

    /** Both ready: the side that asked starts the emojis. */
    data object Ready : VerificationPhase

    data object ExchangingKeys : VerificationPhase

    /** Do both screens show these seven? */
    data class CompareEmojis(val emojis: List<SasEmoji>) : VerificationPhase

    /** Confirmed here; waiting for the other device. */
    data object WaitingForOther : VerificationPhase

    data object Verified : VerificationPhase

    data class Cancelled(val kind: CancelKind) : VerificationPhase

    data class Failed(val error: TrustError) : VerificationPhase
}

data class VerificationScreenState(
    val phase: VerificationPhase = VerificationPhase.Starting,
    val incoming: Boolean = false,
    val otherUser: UserId? = null,
    /** The colleague's name, when the screen was opened from a case (else the id is shown). */
    val otherName: String? = null,
    val isSelfVerification: Boolean = false,
    val busy: Boolean = false,
    /** A tap that failed (the flow itself goes on). */
    val error: TrustError? = null,
) {
    val canAccept: Boolean get() = incoming && phase == VerificationPhase.Requested && !busy
    val canStartEmojis: Boolean get() = !incoming && phase == VerificationPhase.Ready && !busy
    val canCompare: Boolean get() = phase is VerificationPhase.CompareEmojis && !busy
    val isFinished: Boolean
        get() = phase == VerificationPhase.Verified || phase is VerificationPhase.Cancelled ||
            phase is VerificationPhase.Failed || phase == VerificationPhase.NoRequest ||
            phase == VerificationPhase.NoDevice
}

sealed interface VerificationEvent {
    data object Accept : VerificationEvent

    /** The device the colleague has in hand, among [VerificationPhase.ChooseDevice]'s. */
    data class PickDevice(val deviceId: DeviceId) : VerificationEvent

    data object StartEmojis : VerificationEvent

    /** Both screens show the same emojis. */
    data object Match : VerificationEvent

    /** They differ: cancels both sides. */
    data object NoMatch : VerificationEvent

    data object Cancel : VerificationEvent
}
