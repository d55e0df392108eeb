package fr.innomed.android.impl

import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.UserId
import fr.innomed.android.api.trust.DeviceInfo
import fr.innomed.android.api.trust.RecoveryStatus
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.trust.TrustService
import fr.innomed.android.api.trust.Verification
import fr.innomed.android.api.valueOrNull
import fr.innomed.core.AccountException
import fr.innomed.sdk.Client
import fr.innomed.core.RecoveryStatus as SdkRecoveryStatus

class RustTrustService internal constructor(private val client: Client) : TrustService {
    override fun recoveryStatus(): RecoveryStatus = try {
        when (client.recoveryStatus()) {
            SdkRecoveryStatus.UNKNOWN -> RecoveryStatus.UNKNOWN
            SdkRecoveryStatus.DISABLED -> RecoveryStatus.DISABLED
            SdkRecoveryStatus.INCOMPLETE -> RecoveryStatus.INCOMPLETE
            SdkRecoveryStatus.ENABLED -> RecoveryStatus.ENABLED
        }
    } catch (e: AccountException) {
        RecoveryStatus.UNKNOWN
    }

    override suspend fun enableRecovery(): Outcome<Secret, TrustError> =
        attempt(::trustError) { Secret(client.enableRecovery()) }

    override suspend fun recover(recoveryKey: Secret): Outcome<Unit, TrustError> =
        attempt(::trustError) { client.recover(recoveryKey.value.trim()) }

    override suspend fun isThisDeviceVerified(): Boolean =
        attempt(::trustError) { client.isDeviceCrossSigned() }.valueOrNull() ?: false

    override suspend fun devicesOf(userId: UserId): Outcome<List<DeviceInfo>, TrustError> =
        attempt(::trustError) {
            client.devicesOf(userId.value).map { DeviceInfo(DeviceId(it.deviceId), it.verified) }
        }

    override suspend fun verifyDevice(userId: UserId, deviceId: DeviceId): Outcome<Verification, TrustError> =
        attempt(::trustError) { RustVerification(client.verifyDevice(userId.value, deviceId.value)) }

    override suspend fun incomingVerification(timeoutMillis: Long): Outcome<Verification?, TrustError> =
        attempt(::trustError) {
            client.incomingVerification(timeoutMillis.coerceAtLeast(0).toULong())?.let(::RustVerification)
        }
}
