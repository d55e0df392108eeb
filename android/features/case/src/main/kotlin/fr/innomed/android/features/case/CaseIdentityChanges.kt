package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.conversation.ConversationService
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * "C'est vérifié, envoyer" under a message held by colleagues' new identities: the doctor checked
 * with them, so the core withdraws the old verification and sends what waited. One colleague
 * after the other; the first failure stops and is shown (nothing more is sent).
 */
internal fun acknowledgeIdentityChanges(
    scope: CoroutineScope,
    roomId: RoomId,
    conversations: ConversationService,
    state: MutableStateFlow<CaseState>,
    users: List<UserId>,
) {
    scope.launch {
        for (user in users) {
            val result = conversations.acknowledgeIdentityChange(roomId, user)
            if (result is Outcome.Failure) {
                state.update { it.copy(error = CaseScreenError.Trust(result.error)) }
                return@launch
            }
        }
    }
}
