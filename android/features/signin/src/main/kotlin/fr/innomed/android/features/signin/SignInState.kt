package fr.innomed.android.features.signin

import fr.innomed.android.api.Secret
import fr.innomed.android.api.UserId
import fr.innomed.android.api.session.SignInError

enum class SignInField { HOMESERVER, USER_ID, PASSWORD }

data class SignInState(
    val homeserverUrl: String = "",
    val userId: String = "",
    val password: Secret = Secret.Empty,
    /** Fields to mark, after a submit with bad input. */
    val invalidFields: Set<SignInField> = emptySet(),
    val submitting: Boolean = false,
    /**
     * The Pro Santé Connect page to open now, in the platform's authentication session; the
     * view opens it once and says [SignInEvent.PscPageOpened].
     */
    val pscPage: String? = null,
    /** The Pro Santé Connect page is open: waiting for its return (or the doctor's cancel). */
    val awaitingPsc: Boolean = false,
    val error: SignInError? = null,
    /** Set once signed in: the view leaves for the case list. */
    val signedInAs: UserId? = null,
) {
    /** The password button is enabled when every field has something and nothing is running. */
    val canSubmit: Boolean
        get() = !submitting && !awaitingPsc && homeserverUrl.isNotBlank() && userId.isNotBlank() && !password.isBlank

    /** Pro Santé Connect needs the homeserver only. */
    val canSignInWithPsc: Boolean
        get() = !submitting && !awaitingPsc && homeserverUrl.isNotBlank()
}

sealed interface SignInEvent {
    data class HomeserverChanged(val value: String) : SignInEvent

    data class UserIdChanged(val value: String) : SignInEvent

    data class PasswordChanged(val value: Secret) : SignInEvent

    /** The password sign-in (development). */
    data object Submit : SignInEvent

    data object SignInWithPsc : SignInEvent

    /** The view opened [SignInState.pscPage]. */
    data object PscPageOpened : SignInEvent

    /** The Pro Santé Connect page came back to the app's redirect, at [callbackUrl]. */
    data class PscReturned(val callbackUrl: String) : SignInEvent {
        override fun toString() = "PscReturned(…)"
    }

    /** The doctor gave up waiting for the Pro Santé Connect page. */
    data object CancelPsc : SignInEvent

    data object DismissError : SignInEvent
}
