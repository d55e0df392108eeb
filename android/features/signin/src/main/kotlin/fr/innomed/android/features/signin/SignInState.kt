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
    val error: SignInError? = null,
    /** Set once signed in: the view leaves for the case list. */
    val signedInAs: UserId? = null,
) {
    /** The button is enabled when every field has something and nothing is running. */
    val canSubmit: Boolean
        get() = !submitting && homeserverUrl.isNotBlank() && userId.isNotBlank() && !password.isBlank
}

sealed interface SignInEvent {
    data class HomeserverChanged(val value: String) : SignInEvent

    data class UserIdChanged(val value: String) : SignInEvent

    data class PasswordChanged(val value: Secret) : SignInEvent

    data object Submit : SignInEvent

    data object DismissError : SignInEvent
}
