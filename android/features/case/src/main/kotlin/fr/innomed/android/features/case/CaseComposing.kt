package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.conversation.CaseMessage
import fr.innomed.android.api.conversation.ConversationService
import fr.innomed.android.api.conversation.MessageKind
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * A message of the doctor's own that they may still change: a text the homeserver has (a local
 * echo has no id to replace yet), in a case the core lets them write into.
 */
val CaseMessage.editable: Boolean get() = isOwn && eventId != null && kind is MessageKind.Text

/** Starts changing [message]: its text goes into the composer (a reply being written is dropped). */
internal fun startEdit(state: MutableStateFlow<CaseState>, message: CaseMessage) {
    val body = (message.kind as? MessageKind.Text)?.body ?: return
    val eventId = message.eventId ?: return
    if (!message.editable || !state.value.composerEnabled) return
    state.update { it.copy(editing = eventId, replyingTo = null, composer = body) }
}

/** Leaves the edit: the composer is emptied (it held the old text). */
internal fun cancelEdit(state: MutableStateFlow<CaseState>) {
    state.update { if (it.editing == null) it else it.copy(editing = null, composer = "") }
}

/**
 * Sends what the composer holds: a replacement of the message being edited, a reply, or a new
 * message. The composer is emptied once the core has queued it; on failure it keeps the text.
 */
internal fun sendComposer(scope: CoroutineScope, roomId: RoomId, conversations: ConversationService, state: MutableStateFlow<CaseState>) {
    val current = state.value
    if (!current.canSend) return
    val text = current.composer.trim()
    val replyTo = current.replyingTo
    val editing = current.editing
    state.update { it.copy(sending = true, error = null) }
    scope.launch {
        val result = when {
            editing != null -> conversations.edit(roomId, editing, text)
            replyTo != null -> conversations.reply(roomId, replyTo, text)
            else -> conversations.sendText(roomId, text)
        }
        state.update {
            when (result) {
                is Outcome.Success -> it.copy(sending = false, composer = "", replyingTo = null, editing = null)
                is Outcome.Failure -> it.copy(sending = false, error = CaseScreenError.Conversation(result.error))
            }
        }
    }
}
