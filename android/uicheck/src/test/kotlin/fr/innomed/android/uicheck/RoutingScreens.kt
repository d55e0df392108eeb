package fr.innomed.android.uicheck

import androidx.compose.runtime.Composable
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.HandoverWait
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.requests.NextStepState
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestProblem
import fr.innomed.android.api.requests.RoutingWindows
import fr.innomed.android.api.requests.UnansweredRequest
import fr.innomed.android.features.case.CaseState
import fr.innomed.android.features.case.CaseView
import fr.innomed.android.features.case.NextStepCard
import fr.innomed.android.features.directory.RoutingState
import fr.innomed.android.features.directory.RoutingView
import fr.innomed.android.features.directory.UnansweredLine
import fr.innomed.android.features.directory.WindowDraft
import fr.innomed.android.features.directory.WindowsDraft
import fr.innomed.android.uicheck.ClinicalData.DERM
import fr.innomed.android.uicheck.ClinicalData.GP
import fr.innomed.android.uicheck.ClinicalData.MONDAY_AFTERNOON

/**
 * A request's routing, as [ScreensTest] draws it: the GP's request waiting for a taker with its
 * next step planned, gone to the coordinator only, cancelled once taken; the coordinator's
 * unanswered requests and routing windows, the windows refused by the core, a member's view.
 */
object RoutingScreens {
    private const val MINUTE = 60_000L

    private val waiting = CaseState(
        roomId = ClinicalData.room,
        details = ClinicalData.details(CaseStatus.OPEN, acceptedBy = null),
        requester = GP,
        brief = ClinicalData.brief,
        members = ClinicalData.members.take(1),
        allowed = CaseActions(CaseRole.REQUESTER, emptySet(), handover = HandoverWait.NOT_TAKEN),
        nextStep = NextStepCard(MONDAY_AFTERNOON + 30 * MINUTE, NextStepState.PLANNED, listOf("Dr Samira Benali")),
    )

    private val windows = RoutingWindows(30 * MINUTE, 4 * 60 * MINUTE, 24 * 60 * MINUTE)

    private val coordinator = RoutingState(
        specialties = ClinicalData.specialties,
        isCoordinator = true,
        loading = false,
        windows = windows,
        unanswered = listOf(
            UnansweredLine(
                UnansweredRequest(RoomId("!a:cpts-val-essai.fr"), "IM-7K2Q9P", "dermatology", Urgency.URGENT, GP, listOf(DERM), MONDAY_AFTERNOON + 30 * MINUTE),
                "Dr Gilles Martin",
                listOf("Dr Samira Benali"),
            ),
            UnansweredLine(
                UnansweredRequest(RoomId("!b:cpts-val-essai.fr"), "IM-4M8T2C", "cardiology", Urgency.SOON, GP, emptyList(), MONDAY_AFTERNOON - 3 * 60 * MINUTE),
                "Dr Gilles Martin",
                emptyList(),
            ),
        ),
    )

    val all: Array<Pair<String, @Composable () -> Unit>> = arrayOf(
        "case-next-step-planned" to { CaseView(waiting, {}, ClinicalData.specialties, {}, {}) },
        "case-next-step-coordinator" to {
            CaseView(waiting.copy(nextStep = NextStepCard(MONDAY_AFTERNOON + 30 * MINUTE, NextStepState.SENT, emptyList())), {}, ClinicalData.specialties, {}, {})
        },
        "case-next-step-cancelled" to {
            CaseView(
                waiting.copy(
                    details = ClinicalData.details(CaseStatus.ACCEPTED),
                    members = ClinicalData.members.take(2),
                    allowed = CaseActions(CaseRole.REQUESTER, emptySet(), handover = HandoverWait.HANDING_OVER),
                    nextStep = NextStepCard(MONDAY_AFTERNOON + 30 * MINUTE, NextStepState.CANCELLED, listOf("Dr Samira Benali")),
                ),
                {},
                ClinicalData.specialties,
                {},
                {},
            )
        },
        "routing" to { RoutingView(coordinator, {}) },
        "routing-windows-refused" to {
            RoutingView(
                coordinator.copy(
                    draft = WindowsDraft(
                        urgent = WindowDraft("30", "0"),
                        soon = WindowDraft("4", "00"),
                        routine = WindowDraft("24", "00"),
                        error = RequestError.InvalidRequest(RequestProblem.ROUTING_WINDOW),
                    ),
                ),
                {},
            )
        },
        "routing-member" to { RoutingView(RoutingState(isCoordinator = false, loading = false), {}) },
    )
}
