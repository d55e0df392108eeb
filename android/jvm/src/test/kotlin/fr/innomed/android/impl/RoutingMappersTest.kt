package fr.innomed.android.impl

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.push.ScheduledReminder
import fr.innomed.android.api.requests.NextStep
import fr.innomed.android.api.requests.NextStepState
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestProblem
import fr.innomed.android.api.requests.RoutingWindows
import fr.innomed.android.api.requests.UnansweredRequest
import fr.innomed.core.CptsException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import fr.innomed.core.DeadlineState as SdkDeadlineState
import fr.innomed.core.NextStep as SdkNextStep
import fr.innomed.core.NextStepState as SdkNextStepState
import fr.innomed.core.RequestProblem as SdkRequestProblem
import fr.innomed.core.RoutingWindows as SdkRoutingWindows
import fr.innomed.core.ScheduledReminder as SdkScheduledReminder
import fr.innomed.core.UnansweredRequest as SdkUnansweredRequest
import fr.innomed.core.Urgency as SdkUrgency

/** A request's routing (next step, windows, unanswered requests) and the reminders, as the API carries them (no Rust call). */
class RoutingMappersTest {
    private val room = "!req:cpts.test"
    private val derm = "@dr.benali:cpts.test"
    private val gp = "@dr.martin:cpts.test"

    @Test
    fun `the windows go both ways as typed, a negative one as 0 for the core to refuse`() {
        val windows = SdkRoutingWindows(urgentMs = 1_800_000uL, soonMs = 14_400_000uL, routineMs = 86_400_000uL)
        assertEquals(RoutingWindows(1_800_000, 14_400_000, 86_400_000), windows.toApi())
        assertEquals(windows, RoutingWindows(1_800_000, 14_400_000, 86_400_000).toSdk())
        assertEquals(SdkRoutingWindows(0uL, 5_000uL, 60_000uL), RoutingWindows(-1, 5_000, 60_000).toSdk())
    }

    @Test
    fun `a next step keeps its time, its specialists in order and each state`() {
        SdkNextStepState.entries.forEach { state ->
            val step = SdkNextStep(atMs = 1_795_000_000_000uL, specialists = listOf(derm, "@dr.roux:cpts.test"), state = state)
            assertEquals(
                NextStep(1_795_000_000_000, listOf(UserId(derm), UserId("@dr.roux:cpts.test")), NextStepState.valueOf(state.name)),
                step.toApi(),
            )
        }
        assertEquals(emptyList<UserId>(), SdkNextStep(1uL, emptyList(), SdkNextStepState.PLANNED).toApi().specialists)
    }

    @Test
    fun `an unanswered request keeps its code, specialty, urgency, requester, next specialists and time`() {
        val alert = SdkUnansweredRequest(room, "IM-7K2Q", "dermatology", SdkUrgency.URGENT, gp, listOf(derm), 1_795_000_000_000uL)
        assertEquals(
            UnansweredRequest(RoomId(room), "IM-7K2Q", "dermatology", Urgency.URGENT, UserId(gp), listOf(UserId(derm)), 1_795_000_000_000),
            alert.toApi(),
        )
    }

    @Test
    fun `a reminder keeps its case, code, time and kind`() {
        assertEquals(
            ScheduledReminder(RoomId(room), "IM-7K2Q", 1_795_000_000_000, DeadlineState.DUE_SOON),
            SdkScheduledReminder(room, "IM-7K2Q", 1_795_000_000_000uL, SdkDeadlineState.DUE_SOON).toApi(),
        )
        assertEquals(DeadlineState.OVERDUE, SdkScheduledReminder(room, "IM-7K2Q", 1uL, SdkDeadlineState.OVERDUE).toApi().state)
    }

    @Test
    fun `the core's refusals of the windows keep their kinds`() {
        assertEquals(
            RequestError.InvalidRequest(RequestProblem.ROUTING_WINDOW),
            requestError(CptsException.InvalidRequest(SdkRequestProblem.ROUTING_WINDOW)),
        )
        assertEquals(RequestError.NotAllowed, requestError(CptsException.NotAllowed()))
        assertEquals(RequestError.HomeserverUnreachable, requestError(CptsException.HomeserverUnreachable()))
    }
}
