package fr.innomed.android.impl

import fr.innomed.sdk.Client
import fr.innomed.sdk.Cpts

/**
 * The doctor's CPTS: the first one the account has joined (or the one they just created or
 * joined, see [adopt]). A doctor in several CPTS is not handled by these screens yet; the CPTS
 * they are invited to are listed and accepted by `RustJoinRequestService`.
 */
internal class CptsLocator(private val client: Client) : AutoCloseable {
    private var found: Cpts? = null

    /** Null when the doctor is in no joined CPTS; throws the bindings' `CptsException`. */
    fun joined(): Cpts? {
        synchronized(this) { found?.let { return it } }
        val spaces = client.cptsSpaces()
        val joined = spaces.firstOrNull { it.isJoined() }
        spaces.filter { it !== joined }.forEach { it.close() }
        synchronized(this) {
            val kept = found ?: joined
            if (kept !== joined) joined?.close()
            found = kept
            return kept
        }
    }

    /**
     * A CPTS the doctor just created or joined (its invitation accepted): theirs from now on,
     * unless they already had one (then it is released). The client may not list it as joined
     * before its next sync.
     */
    fun adopt(cpts: Cpts) {
        synchronized(this) {
            if (found == null) {
                found = cpts
                return
            }
        }
        cpts.close()
    }

    override fun close() {
        synchronized(this) { found?.close(); found = null }
    }
}
