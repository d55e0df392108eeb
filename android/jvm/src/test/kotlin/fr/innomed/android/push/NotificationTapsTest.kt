package fr.innomed.android.push

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.push.NotificationTap
import fr.innomed.android.api.push.NotificationTaps
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

class NotificationTapsTest {
    private val taps = NotificationTaps()
    private val case = RoomId("!abc123:cpts.test")
    private val opened = NotificationTap.Case(case)

    @Test
    fun `the case waits for the unlock, then is handed out once`() {
        taps.tapped(case.value)
        assertNull(taps.take(unlocked = false, canShowCase = true))
        assertEquals(opened, taps.pending.value)
        assertEquals(opened, taps.take(unlocked = true, canShowCase = true))
        assertNull(taps.take(unlocked = true, canShowCase = true))
        assertNull(taps.pending.value)
    }

    @Test
    fun `the case waits for a doctor past the sign-in screen`() {
        taps.tapped(case.value)
        assertNull(taps.take(unlocked = true, canShowCase = false))
        assertEquals(opened, taps.take(unlocked = true, canShowCase = true))
    }

    @Test
    fun `a later tap replaces a case not opened yet, and only room ids are taken`() {
        taps.tapped(case.value)
        taps.tapped("!other:cpts.test")
        listOf(null, "", " ", "!", "IM-2024-0042", "abc:cpts.test", "! abc", "!abc def", "!abc\n", "Patient, 54 ans: lésion", "https://cpts.test/!a:b")
            .forEach(taps::tapped)
        assertEquals(NotificationTap.Case(RoomId("!other:cpts.test")), taps.take(unlocked = true, canShowCase = true))
        assertNull(taps.pending.value)
    }

    @Test
    fun `a room version 12 id, without a server part, is taken`() {
        val v12 = "!bALN5WbmQNgXaVzb5osMQdjMPwFbsJ3bnaAONYGfWqY"
        taps.tapped(v12)
        assertEquals(NotificationTap.Case(RoomId(v12)), taps.take(unlocked = true, canShowCase = true))
    }

    @Test
    fun `clear forgets a case not opened yet`() {
        taps.tapped(case.value)
        taps.clear()
        assertNull(taps.pending.value)
        assertNull(taps.take(unlocked = true, canShowCase = true))
    }

    @Test
    fun `a coordinator's unanswered request opens the follow-ups of its CPTS space, after the unlock`() {
        val space = "!cpts:cpts.test"
        taps.tapped(space, unanswered = true)
        assertNull(taps.take(unlocked = false, canShowCase = true))
        assertEquals(NotificationTap.Unanswered(RoomId(space)), taps.take(unlocked = true, canShowCase = true))
        assertNull(taps.pending.value)

        taps.tapped("not a room", unanswered = true)
        assertNull(taps.pending.value)
        taps.tapped(space, unanswered = true)
        taps.tapped(case.value)
        assertEquals(opened, taps.take(unlocked = true, canShowCase = true), "a later case replaces it")
    }
}
