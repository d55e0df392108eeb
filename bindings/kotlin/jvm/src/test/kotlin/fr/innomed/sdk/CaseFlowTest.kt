package fr.innomed.sdk

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** A GP and a dermatologist, two Kotlin clients with their own stores, on the real Synapse. */
class CaseFlowTest {
    @Test
    fun `the specialist accepts from the list and reads the case, history included`() = runBlocking {
        val secret = marker("K")
        val gp = Device("gp").register()
        val derm = Device("derm").register()

        val case = gp.createCase(newCase(secret))
        val gpTimeline = case.timeline()
        gpTimeline.sendText("avant l'invitation $secret")

        // The dermatologist's case list is live before the invitation arrives.
        val list = CaseListScreen()
        val listTask = derm.subscribeCases(list)
        eventually("the first list reset") { list.calls.firstOrNull() }
        assertTrue(list.calls.first().single() is CaseListDiff.Reset, "the first update is a reset")

        case.invite(derm.userId())
        val invitation = eventually("the invitation in the list") {
            list.rows().find { it.roomId == case.roomId() && it.membership == Membership.INVITED }
        }
        assertEquals(gp.userId(), invitation.inviter)

        val dermCase = derm.case(invitation.roomId)
        dermCase.accept()
        val dermTimeline = dermCase.timeline()
        val screen = ConversationScreen()
        val timelineTask = dermTimeline.subscribe(screen)
        dermTimeline.loadHistory(WAIT_MS.toULong())
        gpTimeline.sendText("après l'invitation $secret")

        eventually("both messages decrypted on the dermatologist's side") {
            screen.texts().takeIf {
                "avant l'invitation $secret" in it && "après l'invitation $secret" in it
            }
        }
        val early = screen.messages().first { (it.kind as? MessageKind.Text)?.body == "avant l'invitation $secret" }
        assertEquals(gp.userId(), early.sender)
        assertEquals(SendState.Sent, early.sendState)
        assertEquals(header(secret), dermCase.header(), "the encrypted header decrypts too")
        assertEquals(CaseStatus.OPEN, dermCase.status()?.status)

        // The list row follows: joined now.
        eventually("the row is joined") {
            list.rows().find { it.roomId == case.roomId() && it.membership == Membership.JOINED }
        }

        timelineTask.cancel()
        listTask.cancel()
        listOf(timelineTask, listTask, dermTimeline, gpTimeline, dermCase, case).forEach { it.close() }
        gp.shutdown()
        derm.shutdown()
        gp.close()
        derm.close()
    }
}
