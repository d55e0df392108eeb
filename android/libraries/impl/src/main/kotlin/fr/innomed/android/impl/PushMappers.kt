package fr.innomed.android.impl

import fr.innomed.android.api.EventId
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.push.CaseNotification
import fr.innomed.android.api.push.NotificationKind
import fr.innomed.android.api.push.PusherConfig
import fr.innomed.core.CaseNotification as SdkCaseNotification
import fr.innomed.core.PushPlatform as SdkPushPlatform
import fr.innomed.core.PusherConfig as SdkPusherConfig

internal fun SdkCaseNotification.toApi() = CaseNotification(
    roomId = RoomId(roomId),
    eventId = EventId(eventId),
    caseCode = caseCode,
    kind = NotificationKind.valueOf(kind.name),
    lockScreenFr = lockScreenFr,
    lockScreenEn = lockScreenEn,
)

internal fun PusherConfig.toSdk() = SdkPusherConfig(
    appId = appId,
    pushkey = pushkey.value,
    gatewayUrl = gatewayUrl,
    deviceName = deviceName,
    lang = lang,
    platform = SdkPushPlatform.valueOf(platform.name),
)
