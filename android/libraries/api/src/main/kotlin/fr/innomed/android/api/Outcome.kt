package fr.innomed.android.api

/**
 * What a service call gives back: a value, or an error of the service's own sealed type that
 * the screen maps to a message. Services do not throw for expected failures.
 */
sealed interface Outcome<out T, out E> {
    data class Success<out T>(val value: T) : Outcome<T, Nothing>

    data class Failure<out E>(val error: E) : Outcome<Nothing, E>

    companion object {
        val Done: Outcome<Unit, Nothing> = Success(Unit)
    }
}

inline fun <T, E, R> Outcome<T, E>.map(transform: (T) -> R): Outcome<R, E> = when (this) {
    is Outcome.Success -> Outcome.Success(transform(value))
    is Outcome.Failure -> this
}

inline fun <T, E> Outcome<T, E>.onSuccess(action: (T) -> Unit): Outcome<T, E> =
    also { if (it is Outcome.Success) action(it.value) }

inline fun <T, E> Outcome<T, E>.onFailure(action: (E) -> Unit): Outcome<T, E> =
    also { if (it is Outcome.Failure) action(it.error) }

fun <T> Outcome<T, *>.valueOrNull(): T? = (this as? Outcome.Success)?.value

fun <E> Outcome<*, E>.errorOrNull(): E? = (this as? Outcome.Failure)?.error
