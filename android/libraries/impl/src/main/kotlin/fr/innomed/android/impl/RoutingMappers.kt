package fr.innomed.android.impl

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.push.ScheduledReminder
import fr.innomed.android.api.requests.NextStep
import fr.innomed.android.api.requests.NextStepState
import fr.innomed.android.api.requests.RoutingWindows
import fr.innomed.android.api.requests.UnansweredRequest
import fr.innomed.core.NextStep as SdkNextStep
import fr.innomed.core.RoutingWindows as SdkRoutingWindows
import fr.innomed.core.ScheduledReminder as SdkScheduledReminder
import fr.innomed.core.UnansweredRequest as SdkUnansweredRequest

/** A request's routing and the deadline reminders, as the core gives them: nothing decided here. */
internal fun SdkRoutingWindows.toApi() = RoutingWindows(
    urgentMillis = urgentMs.toLongClamped(),
    soonMillis = soonMs.toLongClamped(),
    routineMillis = routineMs.toLongClamped(),
)

/** A negative window cannot be one: 0, which the core refuses as under 5 seconds. */
internal fun RoutingWindows.toSdk() = SdkRoutingWindows(
    urgentMs = urgentMillis.coerceAtLeast(0).toULong(),
    soonMs = soonMillis.coerceAtLeast(0).toULong(),
    routineMs = routineMillis.coerceAtLeast(0).toULong(),
)

internal fun SdkNextStep.toApi() = NextStep(
    atMillis = atMs.toLongClamped(),
    specialists = specialists.map(::UserId),
    state = NextStepState.valueOf(state.name),
)

internal fun SdkUnansweredRequest.toApi() = UnansweredRequest(
    roomId = RoomId(roomId),
    code = code,
    specialty = specialty,
    urgency = urgency.toApi(),
    requester = UserId(requester),
    next = next.map(::UserId),
    atMillis = atMs.toLongClamped(),
)

internal fun SdkScheduledReminder.toApi() = ScheduledReminder(
    roomId = RoomId(roomId),
    code = code,
    atMillis = atMs.toLongClamped(),
    state = DeadlineState.valueOf(state.name),
)
