package fr.innomed.android.features.signin

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.session.SessionService
import fr.innomed.android.api.session.SignInError
import fr.innomed.android.api.session.UserSession
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * Sign-in: with Pro Santé Connect (the homeserver, then its page in the platform's
 * authentication session, then the page's return), or with a user id and password
 * (development). The form is checked here first, then by the homeserver and the core.
 */
class SignInPresenter(
    private val scope: CoroutineScope,
    private val sessions: SessionService,
    initialHomeserver: String = "",
) : Presenter<SignInState, SignInEvent> {
    private val mutableState = MutableStateFlow(SignInState(homeserverUrl = initialHomeserver))
    override val state: StateFlow<SignInState> = mutableState.asStateFlow()

    override fun onEvent(event: SignInEvent) {
        when (event) {
            is SignInEvent.HomeserverChanged -> edit(SignInField.HOMESERVER) { it.copy(homeserverUrl = event.value) }
            is SignInEvent.UserIdChanged -> edit(SignInField.USER_ID) { it.copy(userId = event.value) }
            is SignInEvent.PasswordChanged -> edit(SignInField.PASSWORD) { it.copy(password = event.value) }
            SignInEvent.DismissError -> mutableState.update { it.copy(error = null) }
            SignInEvent.Submit -> submit()
            SignInEvent.SignInWithPsc -> startPsc()
            SignInEvent.PscPageOpened -> mutableState.update { it.copy(pscPage = null) }
            is SignInEvent.PscReturned -> finishPsc(event.callbackUrl)
            SignInEvent.CancelPsc -> cancelPsc()
        }
    }

    /** Editing a field clears its mark and the last error. */
    private fun edit(field: SignInField, change: (SignInState) -> SignInState) =
        mutableState.update { change(it).copy(invalidFields = it.invalidFields - field, error = null) }

    private fun submit() {
        val current = mutableState.value
        if (current.submitting) return
        val homeserver = normalizeHomeserver(current.homeserverUrl)
        val userId = current.userId.trim()
        val invalid = buildSet {
            if (homeserver == null) add(SignInField.HOMESERVER)
            if (!sessions.isWellFormedUserId(userId)) add(SignInField.USER_ID)
            if (current.password.isBlank) add(SignInField.PASSWORD)
        }
        if (invalid.isNotEmpty() || homeserver == null) {
            mutableState.update { it.copy(invalidFields = invalid, error = null) }
            return
        }
        mutableState.update { it.copy(homeserverUrl = homeserver, submitting = true, invalidFields = emptySet(), error = null) }
        scope.launch { signedIn(sessions.signIn(homeserver, userId, current.password)) }
    }

    private fun startPsc() {
        val current = mutableState.value
        if (current.submitting || current.awaitingPsc) return
        val homeserver = normalizeHomeserver(current.homeserverUrl)
        if (homeserver == null) {
            mutableState.update { it.copy(invalidFields = setOf(SignInField.HOMESERVER), error = null) }
            return
        }
        mutableState.update { it.copy(homeserverUrl = homeserver, submitting = true, invalidFields = emptySet(), error = null) }
        scope.launch {
            when (val page = sessions.startPscSignIn(homeserver)) {
                is Outcome.Success -> mutableState.update { it.copy(submitting = false, pscPage = page.value, awaitingPsc = true) }
                is Outcome.Failure -> mutableState.update { it.copy(submitting = false, error = page.error) }
            }
        }
    }

    /** A return while no page is open (cancelled here, or a stray redirect) is ignored. */
    private fun finishPsc(callbackUrl: String) {
        if (!mutableState.value.awaitingPsc) return
        mutableState.update { it.copy(awaitingPsc = false, pscPage = null, submitting = true, error = null) }
        scope.launch { signedIn(sessions.finishPscSignIn(callbackUrl)) }
    }

    private fun cancelPsc() {
        if (!mutableState.value.awaitingPsc) return
        mutableState.update { it.copy(awaitingPsc = false, pscPage = null) }
        sessions.cancelPscSignIn()
    }

    private fun signedIn(result: Outcome<UserSession, SignInError>) = when (result) {
        is Outcome.Success -> mutableState.update {
            it.copy(submitting = false, password = Secret.Empty, signedInAs = result.value.userId)
        }
        is Outcome.Failure -> mutableState.update { it.copy(submitting = false, error = result.error) }
    }

    companion object {
        /**
         * `cpts.example.fr` becomes `https://cpts.example.fr`; a scheme other than http(s) or
         * an address with spaces is refused here (null). Plain http is left to the core, which
         * decides what it accepts.
         */
        fun normalizeHomeserver(input: String): String? {
            val trimmed = input.trim()
            if (trimmed.isEmpty() || trimmed.any(Char::isWhitespace)) return null
            val withScheme = (if ("://" in trimmed) trimmed else "https://$trimmed").trimEnd('/')
            val scheme = withScheme.substringBefore("://").lowercase()
            val host = withScheme.substringAfter("://", missingDelimiterValue = "")
            return withScheme.takeIf { (scheme == "https" || scheme == "http") && host.isNotEmpty() }
        }
    }
}
