package fr.innomed.sdk

import fr.innomed.core.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Bad input surfaces as typed Kotlin exceptions, and nothing is lost. */
class ErrorsTest {
    @Test
    fun `wrong password and unreachable homeserver are typed`() = runBlocking {
        val device = Device("err")
        val gp = device.register()
        val userId = gp.userId()
        gp.shutdown()
        gp.close()

        val other = Device("err2")
        other.builder().use { builder ->
            assertThrows<AccountException.WrongCredentials> { builder.login(userId, "not the password") }
            assertThrows<AccountException.InvalidUserId> { builder.login("dr.martin", PASSWORD) }
        }
        other.builder("http://127.0.0.1:9").use { builder ->
            assertThrows<AccountException.HomeserverUnreachable> { builder.login(userId, PASSWORD) }
        }
        other.builder("pas une adresse").use { builder ->
            assertThrows<AccountException.InvalidHomeserverUrl> { builder.login(userId, PASSWORD) }
        }
        // Nothing was saved by the failed attempts.
        assertEquals(null, other.secureStore.readSession())
        other.builder().use { builder ->
            assertThrows<AccountException.NotLoggedIn> { builder.restore() }
        }
    }

    @Test
    fun `case and timeline errors are typed`() = runBlocking {
        val device = Device("gp")
        val gp = device.register()
        val case = gp.createCase(newCase(marker("E")))
        assertThrows<CaseException.InvalidUserId> { case.invite("derm") }
        assertThrows<CaseException.UnknownUser> { case.invite("@nobody-at-all:localhost") }
        assertThrows<CaseException.NotFound> { gp.case("!nope:localhost") }
        assertThrows<CaseException.InvalidHeader> {
            gp.createCase(newCase(marker("E")).copy(header = header("x").copy(patientLabel = " ")))
        }
        val timeline = case.conversation()
        assertThrows<ConversationException.EmptyMessage> { timeline.sendText("   ") }
        assertThrows<ConversationException.MessageNotFound> { timeline.reply("not an event id", "ok") }

        assertTrue(isValidUserId("@dr.martin:cpts.fr"))
        assertFalse(isValidUserId("dr.martin"))

        timeline.close()
        case.close()
        gp.logout()
        // After logout every call is refused, and the secure store is empty.
        assertEquals(null, device.secureStore.readSession())
        assertEquals(null, device.secureStore.readStoreKey())
        assertThrows<AccountException.Closed> { gp.startSync() }
        assertThrows<CaseException.Closed> { gp.case("!x:localhost") }
        gp.close()
    }
}
