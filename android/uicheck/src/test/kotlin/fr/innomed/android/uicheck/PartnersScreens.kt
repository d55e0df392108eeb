package fr.innomed.android.uicheck

import androidx.compose.runtime.Composable
import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.PartnerCpts
import fr.innomed.android.features.directory.PartnerDraft
import fr.innomed.android.features.directory.PartnersState
import fr.innomed.android.features.directory.PartnersView
import fr.innomed.android.features.directory.Withdrawal

/**
 * The partner CPTS, as [ScreensTest] draws it: the coordinator's list (one partner that declared
 * the CPTS in return, one not yet) with the form, the form refused by the core, the confirmation
 * of a withdrawal, none declared yet, and a member's read-only view.
 */
object PartnersScreens {
    private val pays = PartnerCpts("!q8v2k5:cpts-pays-voisin.fr", "CPTS du Pays Voisin", UserId("@h4t9w2n6:cpts-pays-voisin.fr"), agreed = true)
    private val littoral = PartnerCpts("!z3m7p1:cpts-littoral.fr", "CPTS du Littoral", UserId("@c5r8j3d1:cpts-littoral.fr"), agreed = false)

    private val coordinator = PartnersState(isCoordinator = true, loading = false, partners = listOf(pays, littoral))

    // The form filled first: a test's first screen with an empty first text field may be drawn
    // taller in a whole run (see README).
    val all: Array<Pair<String, @Composable () -> Unit>> = arrayOf(
        "partners-declare-refused" to {
            PartnersView(
                coordinator.copy(
                    partners = listOf(pays),
                    draft = PartnerDraft("!z3m7p1:cpts-littoral.fr", "@c5r8j3d1:cpts-littoral.fr"),
                    declareError = DirectoryError.OutsideNetwork,
                ),
                {},
            )
        },
        "partners" to { PartnersView(coordinator, {}) },
        "partners-withdraw" to { PartnersView(coordinator.copy(withdrawal = Withdrawal(littoral)), {}) },
        "partners-empty" to { PartnersView(coordinator.copy(partners = emptyList()), {}) },
        "partners-member" to { PartnersView(coordinator.copy(isCoordinator = false), {}) },
    )
}
