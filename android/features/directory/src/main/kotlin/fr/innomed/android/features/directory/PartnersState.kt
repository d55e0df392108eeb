package fr.innomed.android.features.directory

import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.PartnerCpts

/** A partner CPTS as the coordinator types it: the identifier of its space and its coordinator's. */
data class PartnerDraft(val spaceId: String = "", val coordinator: String = "") {
    /** Both fields filled: something to send (whether they are identifiers is the core's to say). */
    val complete: Boolean get() = spaceId.isNotBlank() && coordinator.isNotBlank()
}

/** A partnership the coordinator is about to end, confirmed in a dialog; [error]: the core's refusal, said there. */
data class Withdrawal(val partner: PartnerCpts, val error: DirectoryError? = null)

data class PartnersState(
    /** Whether the core says the doctor coordinates the CPTS (the form and withdrawals are theirs); null until read. */
    val isCoordinator: Boolean? = null,
    val loading: Boolean = true,
    /** The partner CPTS, in the core's order; null until read (empty: none declared). */
    val partners: List<PartnerCpts>? = null,
    val draft: PartnerDraft = PartnerDraft(),
    val declaring: Boolean = false,
    /** The core's refusal of the declaration, kept with what was typed until it changes. */
    val declareError: DirectoryError? = null,
    /** The partner just declared (or confirmed), said under the form until the next change. */
    val declared: PartnerCpts? = null,
    /** The confirmation of a withdrawal, while open. */
    val withdrawal: Withdrawal? = null,
    val withdrawing: Boolean = false,
    /** A failed read (with "Réessayer"). */
    val error: DirectoryError? = null,
)

sealed interface PartnersEvent {
    data object Retry : PartnersEvent

    data class DraftChanged(val draft: PartnerDraft) : PartnersEvent

    data object Declare : PartnersEvent

    /** Asks to end the partnership with [partner]: a confirmation first. */
    data class Withdraw(val partner: PartnerCpts) : PartnersEvent

    data object ConfirmWithdraw : PartnersEvent

    data object CancelWithdraw : PartnersEvent
}
