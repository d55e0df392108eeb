package fr.innomed.android.features.settings

import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.session.SessionService
import fr.innomed.android.api.session.SignOutResult
import fr.innomed.android.api.trust.TrustService
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * The account on this phone: who is signed in, whether this device is verified and the account
 * has a recovery key, and signing out.
 *
 * Signing out ends the session at once, so the app leaves this screen (and cancels [scope])
 * while the account's data is still being wiped: the sign-out runs in [signOutScope], which
 * outlives the screen (the app's scope), then [wipeLocalFiles] removes what the app itself
 * keeps (the camera's photos), unless signing out failed.
 */
class SettingsPresenter(
    private val scope: CoroutineScope,
    userId: UserId,
    private val sessions: SessionService,
    private val trust: TrustService,
    private val signOutScope: CoroutineScope,
    private val wipeLocalFiles: () -> Unit,
    deviceId: DeviceId? = null,
) : Presenter<SettingsState, SettingsEvent> {
    private val mutableState = MutableStateFlow(SettingsState(userId = userId, deviceId = deviceId, recovery = trust.recoveryStatus()))
    override val state: StateFlow<SettingsState> = mutableState.asStateFlow()

    init {
        refresh()
    }

    override fun onEvent(event: SettingsEvent) {
        when (event) {
            SettingsEvent.Refresh -> refresh()
            SettingsEvent.SignOut -> signOut()
        }
    }

    private fun refresh() {
        scope.launch {
            val verified = trust.isThisDeviceVerified()
            mutableState.update { it.copy(deviceVerified = verified, recovery = trust.recoveryStatus()) }
        }
    }

    private fun signOut() {
        if (!mutableState.value.canSignOut) return
        mutableState.update { it.copy(signingOut = true, signOutResult = null) }
        signOutScope.launch {
            val result = sessions.signOut()
            if (result != SignOutResult.FAILED) wipeLocalFiles()
            mutableState.update { it.copy(signingOut = false, signOutResult = result) }
        }
    }
}
