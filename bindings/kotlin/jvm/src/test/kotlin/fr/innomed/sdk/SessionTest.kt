package fr.innomed.sdk

import fr.innomed.core.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The session kept by the app's secure store reopens the account in a new client object. */
class SessionTest {
    @Test
    fun `a persisted session restores in a new client, once the first one is shut down`() = runBlocking {
        val device = Device("gp")
        val gp = device.register()
        val userId = gp.userId()
        val deviceId = gp.deviceId()
        val secret = marker("S")
        val case = gp.createCase(newCase(secret))
        val roomId = case.roomId()
        case.conversation().use { it.sendText("avant redémarrage $secret") }
        gp.flushOutbox(WAIT_MS.toULong())

        // What the app persisted went through the foreign trait.
        val saved = FileSecureStore(device.dir.resolve("secure.properties")).readSession()
            ?: error("no session in the secure store")
        assertEquals(userId, saved.userId)
        assertEquals(deviceId, saved.deviceId)

        // The same account cannot be opened twice in one process.
        device.builder().use { builder ->
            assertThrows<AccountException.StoreInUse> { builder.restore() }
        }

        case.close()
        gp.shutdown()
        gp.close()

        // A "restarted app": new store object on the same file, new builder, new client.
        val store = FileSecureStore(device.dir.resolve("secure.properties"))
        val restored = ClientBuilder(homeserverUrl, device.dir.resolve("data").toString(), store)
            .use { it.restore() }
        assertEquals(userId, restored.userId())
        assertEquals(deviceId, restored.deviceId())
        restored.startSync()
        assertEquals(listOf(roomId), restored.cases().map { it.roomId })
        val timeline = restored.case(roomId).conversation()
        val screen = ConversationScreen()
        timeline.subscribe(screen).use {
            timeline.sendText("après redémarrage $secret")
            eventually("the old and new messages") {
                screen.texts().takeIf { "après redémarrage $secret" in it }
            }
            timeline.loadHistory(WAIT_MS.toULong())
            eventually("the message from before the restart, from the store") {
                screen.texts().takeIf { "avant redémarrage $secret" in it }
            }
        }
        timeline.close()
        restored.shutdown()
        restored.close()
    }
}
