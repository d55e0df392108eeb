package fr.innomed.android.features.membership

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cpts.JoinRequestError
import fr.innomed.android.api.cpts.JoinRequestService
import fr.innomed.android.api.cpts.OwnCpts
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * Creating or joining a CPTS, and answering who asked to join. What the doctor may do is the
 * core's answer: when it says the doctor is in no CPTS, the CPTS that accepted them (its
 * invitation) show, to join, with the forms to create one or ask to join one; a joined or created
 * CPTS is then theirs, read again. The join requests show only when the core says the doctor
 * coordinates their CPTS, as it lists them; approving or refusing says its refusal (no verified
 * identity…). The list is read again after each answer.
 */
class MembershipPresenter(
    private val scope: CoroutineScope,
    private val joinRequests: JoinRequestService,
    directory: DirectoryService,
) : Presenter<MembershipState, MembershipEvent> {
    private val mutableState = MutableStateFlow(MembershipState(specialties = directory.specialties()))
    override val state: StateFlow<MembershipState> = mutableState.asStateFlow()
    private var listing: Job? = null

    init {
        load()
    }

    override fun onEvent(event: MembershipEvent) {
        when (event) {
            MembershipEvent.Refresh -> load()
            is MembershipEvent.SpaceIdChanged -> mutableState.update { it.copy(spaceId = event.value, askError = null) }
            MembershipEvent.AskToJoin -> ask()
            is MembershipEvent.Accept -> accept(event.invitation.spaceId)
            is MembershipEvent.CptsNameChanged -> mutableState.update { it.copy(cptsName = event.value, createError = null) }
            MembershipEvent.CreateCpts -> create()
            is MembershipEvent.StartApproval -> mutableState.update { it.copy(approval = Approval(event.request), error = null) }
            is MembershipEvent.ToggleSpecialty -> toggle(event.code)
            is MembershipEvent.RetiredChanged -> mutableState.update { state ->
                state.copy(approval = state.approval?.copy(retired = event.retired))
            }
            MembershipEvent.ConfirmApproval -> approve()
            MembershipEvent.CancelApproval -> mutableState.update { it.copy(approval = null) }
            is MembershipEvent.Refuse -> refuse(event.request.userId)
            MembershipEvent.DismissError -> mutableState.update { it.copy(error = null, askError = null, createError = null) }
        }
    }

    private fun load() {
        listing?.cancel()
        mutableState.update { it.copy(loading = true, error = null) }
        listing = scope.launch {
            when (val own = joinRequests.ownCpts()) {
                is Outcome.Success -> showCpts(own.value)
                is Outcome.Failure ->
                    if (own.error == JoinRequestError.NoCpts) showInvitations()
                    else mutableState.update { it.copy(loading = false, error = own.error) }
            }
        }
    }

    /** The doctor's CPTS; its join requests only for its coordinator (the core refuses anyone else's answers). */
    private suspend fun showCpts(own: OwnCpts) {
        val requests = if (own.coordinator) joinRequests.joinRequests() else Outcome.Success(emptyList())
        mutableState.update { state ->
            val shown = state.copy(loading = false, inNoCpts = false, cpts = own.cpts, coordinator = own.coordinator, invitations = emptyList())
            when (requests) {
                is Outcome.Success -> shown.copy(requests = requests.value)
                is Outcome.Failure -> shown.copy(error = requests.error)
            }
        }
    }

    /** In no CPTS: the forms, and the CPTS that accepted the doctor, to join. */
    private suspend fun showInvitations() {
        val invitations = joinRequests.invitations()
        mutableState.update { state ->
            val shown = state.copy(loading = false, inNoCpts = true, cpts = null, coordinator = false, requests = emptyList())
            when (invitations) {
                is Outcome.Success -> shown.copy(invitations = invitations.value)
                is Outcome.Failure -> shown.copy(error = invitations.error)
            }
        }
    }

    private fun ask() {
        val current = mutableState.value
        if (!current.canAsk) return
        val spaceId = current.spaceId.trim()
        mutableState.update { it.copy(spaceId = spaceId, asking = true, asked = false, askError = null) }
        scope.launch {
            val result = joinRequests.askToJoin(spaceId)
            mutableState.update {
                when (result) {
                    is Outcome.Success -> it.copy(asking = false, asked = true)
                    is Outcome.Failure -> it.copy(asking = false, askError = result.error)
                }
            }
        }
    }

    /** Once at a time; a refusal is said and the invitation stays, to try again. */
    private fun accept(spaceId: String) {
        val current = mutableState.value
        if (!current.canAccept || current.invitations.none { it.spaceId == spaceId }) return
        mutableState.update { it.copy(accepting = spaceId, error = null) }
        scope.launch {
            val result = joinRequests.accept(spaceId)
            mutableState.update {
                when (result) {
                    is Outcome.Success -> it.copy(accepting = null)
                    is Outcome.Failure -> it.copy(accepting = null, error = result.error)
                }
            }
            // The doctor's CPTS now, as the core gives it.
            if (result is Outcome.Success) load()
        }
    }

    private fun create() {
        val current = mutableState.value
        if (!current.canCreate) return
        val name = current.cptsName.trim()
        mutableState.update { it.copy(creating = true, createError = null) }
        scope.launch {
            val result = joinRequests.createCpts(name)
            mutableState.update {
                when (result) {
                    is Outcome.Success -> it.copy(creating = false, created = result.value)
                    is Outcome.Failure -> it.copy(creating = false, createError = result.error)
                }
            }
            // The doctor's CPTS now: its join requests, as the core lists them.
            if (result is Outcome.Success) load()
        }
    }

    /** Only codes of the fixed list are chosen; whether they fit the asker is the core's to say. */
    private fun toggle(code: String) = mutableState.update { state ->
        val approval = state.approval ?: return@update state
        if (state.specialties.none { it.code == code }) return@update state
        val chosen = if (code in approval.specialties) approval.specialties - code else approval.specialties + code
        state.copy(approval = approval.copy(specialties = chosen))
    }

    private fun approve() {
        val approval = mutableState.value.approval ?: return
        val userId = approval.request.userId
        if (userId in mutableState.value.answering) return
        // In the list's order, whatever the order of the taps.
        val specialties = mutableState.value.specialties.map { it.code }.filter { it in approval.specialties }
        mutableState.update { it.copy(approval = null, answering = it.answering + userId, approved = null, error = null) }
        scope.launch {
            val result = joinRequests.approve(userId, specialties, approval.retired)
            mutableState.update {
                when (result) {
                    is Outcome.Success -> it.copy(answering = it.answering - userId, approved = result.value)
                    is Outcome.Failure -> it.copy(answering = it.answering - userId, error = result.error)
                }
            }
            if (result is Outcome.Success) load()
        }
    }

    private fun refuse(userId: UserId) {
        if (userId in mutableState.value.answering) return
        mutableState.update { it.copy(answering = it.answering + userId, approved = null, error = null) }
        scope.launch {
            val result = joinRequests.refuse(userId)
            mutableState.update {
                when (result) {
                    is Outcome.Success -> it.copy(answering = it.answering - userId)
                    is Outcome.Failure -> it.copy(answering = it.answering - userId, error = result.error)
                }
            }
            if (result is Outcome.Success) load()
        }
    }
}
