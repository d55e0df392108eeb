package fr.innomed.sdk

import fr.innomed.core.*

import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
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
        val gpTimeline = case.conversation()
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
        val dermTimeline = dermCase.conversation()
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

    @Test
    fun `a message put in clear with a member's own token is flagged, never previewed or counted`() = runBlocking {
        val secret = marker("C")
        val gp = Device("gp").register()
        val dermDevice = Device("derm")
        val derm = dermDevice.register()
        val case = gp.createCase(newCase(secret))
        val dermCase = joinedBy(derm, case)
        val gpTimeline = case.conversation()
        val screen = ConversationScreen()
        val task = gpTimeline.subscribe(screen)

        // A raw client with the dermatologist's own access token: a text and an advice in clear.
        val token = dermDevice.secureStore.readSession()!!.accessToken
        val http = HttpClient.newHttpClient()
        val forgedMark = marker("F")
        val inClear = "en clair $forgedMark"
        val forged = listOf(
            "m.room.message" to """{"msgtype":"m.text","body":"$inClear"}""",
            "fr.innomed.case.advice" to """{"assessment":"$inClear","recommendation":"x","in_person":"not_needed"}""",
        )
        for ((type, body) in forged) {
            val uri = URI.create("$homeserverUrl/_matrix/client/v3/rooms/${case.roomId()}/send/$type/${marker("t")}")
            val response = http.send(
                HttpRequest.newBuilder(uri).header("Authorization", "Bearer $token")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(),
            )
            assertEquals(200, response.statusCode(), response.body())
        }

        // The text shows as untrusted (never its words); the advice is not believed either.
        eventually("the text in clear shown as untrusted on the GP's phone") {
            screen.messages().count { it.kind is MessageKind.Untrusted }.takeIf { it >= 1 }
        }
        for (message in screen.messages()) {
            assertTrue(forgedMark !in message.kind.toString(), "shown: ${message.kind}")
        }
        val row = gp.cases().first { it.roomId == case.roomId() }
        assertTrue(row.lastMessage?.body?.contains(forgedMark) != true, "previewed: ${row.lastMessage}")
        assertEquals(0uL, row.unread, "counted as unread")

        task.cancel()
        listOf(task, gpTimeline, dermCase, case).forEach { it.close() }
        gp.shutdown()
        derm.shutdown()
        gp.close()
        derm.close()
    }
}
