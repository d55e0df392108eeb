package fr.innomed.android.impl

import fr.innomed.android.api.EventId
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.push.CaseNotification
import fr.innomed.android.api.push.NotificationKind
import fr.innomed.android.api.push.NotificationTap
import fr.innomed.android.api.push.tap
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import fr.innomed.core.CaseNotification as SdkCaseNotification
import fr.innomed.core.NotificationKind as SdkNotificationKind

/** A decrypted push as the API carries it, and what its tap opens (no Rust call). */
class PushMappersTest {
    private val case = "!case:cpts.test"
    private val space = "!cpts:cpts.test"

    private fun pushed(roomId: String, kind: SdkNotificationKind, fr: String, en: String) =
        SdkCaseNotification(roomId, "\$event", "IM-7K2QX9", kind, fr, en)

    @Test
    fun `every kind the core has maps to its own, in the core's order`() {
        assertEquals(SdkNotificationKind.entries.map { it.name }, NotificationKind.entries.map { it.name })
        SdkNotificationKind.entries.forEach { kind ->
            assertEquals(kind.name, pushed(case, kind, "fr", "en").toApi().kind.name)
        }
    }

    @Test
    fun `an unanswered request keeps the CPTS space's id and the request's code, and opens the follow-ups`() {
        val fr = "Demande sans réponse — dossier IM-7K2QX9"
        val en = "Unanswered request — case IM-7K2QX9"
        val notification = pushed(space, SdkNotificationKind.UNANSWERED, fr, en).toApi()
        assertEquals(CaseNotification(RoomId(space), EventId("\$event"), "IM-7K2QX9", NotificationKind.UNANSWERED, fr, en), notification)
        assertEquals(NotificationTap.Unanswered(RoomId(space)), notification.tap)
    }

    @Test
    fun `every other kind opens its case`() {
        NotificationKind.entries.filter { it != NotificationKind.UNANSWERED }.forEach { kind ->
            val notification = CaseNotification(RoomId(case), EventId("\$event"), "IM-7K2QX9", kind, "fr", "en")
            assertEquals(NotificationTap.Case(RoomId(case)), notification.tap, "$kind")
        }
    }
}
