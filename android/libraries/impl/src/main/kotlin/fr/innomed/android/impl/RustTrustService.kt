package fr.innomed.android.impl

import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.UserId
import fr.innomed.android.api.trust.DeviceTrust
import fr.innomed.android.api.trust.RecoveryState
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.trust.TrustService
import fr.innomed.android.api.trust.Verification
import fr.innomed.android.api.valueOrNull
import fr.innomed.sdk.Client
import fr.innomed.core.AccountException
import fr.innomed.core.RecoveryStatus

class RustTrustService internal constructor(private val client: Client) : TrustService {
    override fun recoveryState(): RecoveryState = try {
        when (client.recoveryStatus()) {
            RecoveryStatus.UNKNOWN -> RecoveryState.UNKNOWN
            RecoveryStatus.DISABLED -> RecoveryState.DISABLED
            RecoveryStatus.INCOMPLETE -> RecoveryState.INCOMPLETE
            RecoveryStatus.ENABLED -> RecoveryState.ENABLED
        }
    } catch (e: AccountException) {
        RecoveryState.UNKNOWN
    }

    override suspend fun enableRecovery(): Outcome<Secret, TrustError> =
        attempt(::trustError) { Secret(client.enableRecovery()) }

    override suspend fun recover(recoveryKey: Secret): Outcome<Unit, TrustError> =
        attempt(::trustError) { client.recover(recoveryKey.value.trim()) }

    override suspend fun isThisDeviceVerified(): Boolean =
        attempt(::trustError) { client.isDeviceCrossSigned() }.valueOrNull() ?: false

    override suspend fun devicesOf(userId: UserId): Outcome<List<DeviceTrust>, TrustError> =
        attempt(::trustError) {
            client.devicesOf(userId.value).map { DeviceTrust(DeviceId(it.deviceId), it.verified) }
        }

    override suspend fun verifyDevice(userId: UserId, deviceId: DeviceId): Outcome<Verification, TrustError> =
        attempt(::trustError) { RustVerification(client.verifyDevice(userId.value, deviceId.value)) }

    override suspend fun incomingVerification(timeoutMillis: Long): Outcome<Verification?, TrustError> =
        attempt(::trustError) {
            client.incomingVerification(timeoutMillis.coerceAtLeast(0).toULong())?.let(::RustVerification)
        }
}
