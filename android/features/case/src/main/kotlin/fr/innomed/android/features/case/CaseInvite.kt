package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseService
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.directory.MemberEntry
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * Inviting a colleague, found by name in the CPTS directory or typed by user id
 * (`@name:server`); open while the dialog shows.
 */
data class InviteDialog(
    val userId: String = "",
    /** The directory can be searched (the doctor is in a CPTS's app). */
    val canSearch: Boolean = false,
    /** A name typed to search the directory. */
    val query: String = "",
    /** Colleagues of the directory matching [query], not in the case already. */
    val matches: List<MemberEntry> = emptyList(),
    /** The colleague picked from [matches]: [userId] is theirs. */
    val picked: MemberEntry? = null,
    /** Submitted with an empty id. */
    val missing: Boolean = false,
    val sending: Boolean = false,
    /** Malformed id, unknown user, colleague without a cross-signed identity… */
    val error: CaseError? = null,
)

/**
 * The invite dialog: a colleague found by name in the doctor's CPTS directory (Pro Santé Connect
 * accounts have opaque ids nobody can type), or typed by id for a colleague outside it. Either
 * way the id is what is invited, shown in full before it is sent.
 */
internal class CaseInvite(
    private val scope: CoroutineScope,
    private val roomId: RoomId,
    private val cases: CaseService,
    /** Null: by id only. */
    private val directory: DirectoryService?,
    private val state: MutableStateFlow<CaseState>,
) {
    private var search: Job? = null

    fun open() = state.update { if (it.canInvite && it.invite == null) it.copy(invite = InviteDialog(canSearch = directory != null)) else it }

    fun close() = state.update { if (it.invite?.sending == true) it else it.copy(invite = null) }

    fun idChanged(userId: String) = edit { it.copy(userId = userId, picked = null, missing = false, error = null) }

    /** Searched after a short pause in typing, from two letters on. */
    fun queryChanged(query: String) {
        edit { it.copy(query = query) }
        search?.cancel()
        val directory = directory ?: return
        if (query.trim().length < MIN_QUERY) {
            edit { it.copy(matches = emptyList()) }
            return
        }
        search = scope.launch {
            delay(PAUSE_MS)
            val found = directory.search(null, query.trim())
            // Who is in the case or invited already is not offered again.
            val present = state.value.members.filter { it.membership != Membership.LEFT }.map { it.userId }.toSet()
            val matches = (found as? Outcome.Success)?.value.orEmpty().filter { it.userId !in present }
            edit { if (it.query == query) it.copy(matches = matches) else it }
        }
    }

    fun picked(entry: MemberEntry) = edit { it.copy(userId = entry.userId.value, picked = entry, missing = false, error = null) }

    fun send() {
        val dialog = state.value.invite ?: return
        if (dialog.sending) return
        val userId = dialog.userId.trim()
        if (userId.isEmpty()) {
            state.update { it.copy(invite = dialog.copy(missing = true)) }
            return
        }
        state.update { it.copy(invite = dialog.copy(sending = true, error = null)) }
        scope.launch {
            val result = cases.invite(roomId, UserId(userId))
            state.update {
                when (result) {
                    is Outcome.Success -> it.copy(invite = null)
                    is Outcome.Failure -> it.copy(invite = it.invite?.copy(sending = false, error = result.error))
                }
            }
        }
    }

    private fun edit(change: (InviteDialog) -> InviteDialog) = state.update { s ->
        val dialog = s.invite?.takeUnless { it.sending } ?: return@update s
        s.copy(invite = change(dialog))
    }

    private companion object {
        const val MIN_QUERY = 2
        const val PAUSE_MS = 250L
    }
}
