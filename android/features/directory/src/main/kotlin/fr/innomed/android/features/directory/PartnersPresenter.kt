package fr.innomed.android.features.directory

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.directory.PartnerCpts
import fr.innomed.android.architecture.Presenter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * The partner CPTS of the doctor's CPTS: neighbouring territories whose specialists on duty take
 * the requests when nobody is on duty here, once both coordinations declared each other. Every
 * member reads the list, with whether each partner declared this CPTS in return; the
 * coordinator (as the core says) declares a partner by the identifier of its space and its
 * coordinator's, or confirms one that declared this CPTS first, and ends a partnership after a
 * confirmation. Both identifiers are the core's to check; its refusal stays with what was typed.
 */
class PartnersPresenter(
    private val scope: CoroutineScope,
    private val directory: DirectoryService,
) : Presenter<PartnersState, PartnersEvent> {
    private val mutableState = MutableStateFlow(PartnersState())
    override val state: StateFlow<PartnersState> = mutableState.asStateFlow()

    init {
        scope.launch { load() }
    }

    override fun onEvent(event: PartnersEvent) {
        when (event) {
            PartnersEvent.Retry -> scope.launch { load() }
            is PartnersEvent.DraftChanged -> mutableState.update { it.copy(draft = event.draft, declareError = null, declared = null) }
            PartnersEvent.Declare -> declare()
            is PartnersEvent.Withdraw -> mutableState.update {
                if (it.isCoordinator == true && !it.withdrawing) it.copy(withdrawal = Withdrawal(event.partner)) else it
            }
            PartnersEvent.ConfirmWithdraw -> withdraw()
            PartnersEvent.CancelWithdraw -> mutableState.update { if (it.withdrawing) it else it.copy(withdrawal = null) }
        }
    }

    private suspend fun load() {
        mutableState.update { it.copy(loading = true, error = null) }
        val coordinator = when (val found = directory.isCoordinator()) {
            is Outcome.Success -> found.value
            is Outcome.Failure -> {
                mutableState.update { it.copy(loading = false, error = found.error) }
                return
            }
        }
        val partners = directory.partners()
        mutableState.update { s ->
            s.copy(
                isCoordinator = coordinator,
                loading = false,
                partners = (partners as? Outcome.Success)?.value ?: s.partners,
                error = (partners as? Outcome.Failure)?.error,
            )
        }
    }

    private fun declare() {
        val current = mutableState.value
        val draft = current.draft
        if (current.isCoordinator != true || current.declaring || !draft.complete) return
        mutableState.update { it.copy(declaring = true, declareError = null, declared = null) }
        scope.launch {
            when (val done = directory.declarePartner(draft.spaceId.trim(), UserId(draft.coordinator.trim()))) {
                is Outcome.Success -> {
                    val partner = done.value
                    mutableState.update { s ->
                        s.copy(declaring = false, draft = PartnerDraft(), declared = partner, partners = s.partners.orEmpty().replacing(partner))
                    }
                    load()
                }
                is Outcome.Failure -> mutableState.update { it.copy(declaring = false, declareError = done.error) }
            }
        }
    }

    private fun withdraw() {
        val current = mutableState.value
        val withdrawal = current.withdrawal ?: return
        if (current.withdrawing) return
        val spaceId = withdrawal.partner.spaceId
        mutableState.update { it.copy(withdrawing = true, withdrawal = withdrawal.copy(error = null)) }
        scope.launch {
            when (val done = directory.withdrawPartner(spaceId)) {
                is Outcome.Success -> {
                    mutableState.update { s ->
                        s.copy(
                            withdrawing = false,
                            withdrawal = null,
                            partners = s.partners?.filterNot { it.spaceId == spaceId },
                            declared = s.declared?.takeUnless { it.spaceId == spaceId },
                        )
                    }
                    load()
                }
                is Outcome.Failure -> mutableState.update { it.copy(withdrawing = false, withdrawal = it.withdrawal?.copy(error = done.error)) }
            }
        }
    }

    /** [partner] in place of the one with its space (a confirmation), or after the others (a new one). */
    private fun List<PartnerCpts>.replacing(partner: PartnerCpts): List<PartnerCpts> =
        if (any { it.spaceId == partner.spaceId }) map { if (it.spaceId == partner.spaceId) partner else it } else this + partner
}
