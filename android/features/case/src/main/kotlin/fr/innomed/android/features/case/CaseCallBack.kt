package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.requests.CallBack
import fr.innomed.android.api.requests.RequestService
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * The call back the requesting GP asked for, on the specialist who took the request: [number]
 * ("Rappeler le 06 12 34 56 78"; null: none asked, or not read yet), [dial] the number the app
 * opens the phone's dialer with now (`+33612345678`, once), and [recording] while the call is
 * recorded in the case.
 */
data class CaseCallBackState(
    val number: CallBack? = null,
    val dial: String? = null,
    val recording: Boolean = false,
)

sealed interface CaseCallBackEvent : CaseEvent {
    /** "Rappeler le …": the dialer opens with the GP's number, and the case records the call. */
    data object Call : CaseCallBackEvent

    /** The app opened the dialer with [CaseCallBackState.dial]. */
    data object Dialed : CaseCallBackEvent
}

/**
 * Reads the number to call back whenever the core's decision for the case is read again, while
 * the core says this doctor took the request and until a number comes (the GP's event arrives
 * with the history); nothing is asked on any other side. A failed read is tried again at the next
 * refresh, and an older answer arriving late does not replace a newer one. A tap asks the app to
 * open the dialer (the call itself is the phone's) and records the call once; a refused record is
 * shown as the screen's error.
 */
internal class CaseCallBack(
    private val scope: CoroutineScope,
    private val roomId: RoomId,
    private val requests: RequestService,
    private val state: MutableStateFlow<CaseState>,
) {
    private val reads = AtomicInteger()

    fun onAllowed(now: CaseActions) {
        val current = state.value
        if (now.role != CaseRole.TAKER || current.details?.statusInfo?.isRequest != true || current.callBack.number != null) return
        val read = reads.incrementAndGet()
        scope.launch {
            val found = requests.callBack(roomId) as? Outcome.Success ?: return@launch
            val number = found.value ?: return@launch
            if (read != reads.get()) return@launch
            state.update { it.copy(callBack = it.callBack.copy(number = number)) }
        }
    }

    fun onEvent(event: CaseCallBackEvent) {
        when (event) {
            CaseCallBackEvent.Call -> call()
            CaseCallBackEvent.Dialed -> state.update { it.copy(callBack = it.callBack.copy(dial = null)) }
        }
    }

    private fun call() {
        val current = state.value.callBack
        val number = current.number ?: return
        if (current.recording) return
        state.update { it.copy(callBack = it.callBack.copy(dial = number.phone, recording = true), error = null) }
        scope.launch {
            val recorded = requests.recordCall(roomId)
            val error = (recorded as? Outcome.Failure)?.let { CaseScreenError.Request(it.error) }
            state.update { it.copy(callBack = it.callBack.copy(recording = false), error = error ?: it.error) }
        }
    }
}
