package fr.innomed.android.api

/** A case (a Matrix room): `!opaque:server`. */
@JvmInline
value class RoomId(val value: String)

/** A doctor: `@dr.martin:cpts.fr`. */
@JvmInline
value class UserId(val value: String)

/** An event the homeserver accepted: `$opaque`. */
@JvmInline
value class EventId(val value: String)

/** One device of a doctor (`ABCDEFGHIJ`). */
@JvmInline
value class DeviceId(val value: String)

/**
 * A password or recovery key held by a screen. Its `toString` never shows it, so a state
 * printed by a test failure or a crash report does not leak it.
 */
@JvmInline
value class Secret(val value: String) {
    val isBlank: Boolean get() = value.isBlank()

    override fun toString(): String = "Secret(***)"

    companion object {
        val Empty = Secret("")
    }
}
