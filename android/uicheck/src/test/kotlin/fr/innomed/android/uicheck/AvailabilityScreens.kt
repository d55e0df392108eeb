package fr.innomed.android.uicheck

import androidx.compose.runtime.Composable
import fr.innomed.android.api.directory.Availability
import fr.innomed.android.api.directory.AvailabilityProblem
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.features.directory.AbsenceDraft
import fr.innomed.android.features.directory.AvailabilityState
import fr.innomed.android.features.directory.AvailabilityView
import fr.innomed.android.features.directory.PermanenceDraft

/**
 * "Mes disponibilités", as [ScreensTest] draws it: Dr Benali's absences and extra Sunday
 * mornings, a nurse with nothing declared and no specialty, the dialogs with the core's refusals.
 */
object AvailabilityScreens {
    private val derm = AvailabilityState(
        specialties = ClinicalData.specialties,
        mySpecialties = ClinicalData.derm.specialties,
        availability = ClinicalData.dermAvailability,
        loading = false,
    )

    val all: Array<Pair<String, @Composable () -> Unit>> = arrayOf(
        "availability" to { AvailabilityView(derm, {}) },
        "availability-empty" to {
            AvailabilityView(AvailabilityState(specialties = ClinicalData.specialties, availability = Availability(), loading = false), {})
        },
        "availability-absence-refused" to {
            AvailabilityView(
                derm.copy(
                    absenceDraft = AbsenceDraft(
                        firstDay = "20/11/2026",
                        lastDay = "22/11/2026",
                        error = DirectoryError.InvalidAvailability(AvailabilityProblem.IN_THE_PAST),
                    ),
                ),
                {},
            )
        },
        "availability-permanence-refused" to {
            AvailabilityView(
                derm.copy(
                    permanenceDraft = PermanenceDraft(
                        specialty = "dermatology",
                        day = "29/11/2026",
                        start = "10:00",
                        end = "12:00",
                        error = DirectoryError.InvalidAvailability(AvailabilityProblem.OVERLAPPING),
                    ),
                ),
                {},
            )
        },
        "availability-not-open" to { AvailabilityView(derm.copy(error = DirectoryError.NotAllowed), {}) },
    )
}
