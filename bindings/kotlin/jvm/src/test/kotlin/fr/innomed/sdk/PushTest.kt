package fr.innomed.sdk

import fr.innomed.core.*

import com.sun.net.httpserver.HttpServer
import java.net.InetSocketAddress
import java.util.concurrent.CopyOnWriteArrayList
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test

/** A pushed event id becomes a lock-screen line, decrypted on the phone through the bindings. */
class PushTest {
    private fun field(json: String, name: String): String? =
        Regex("\"$name\"\\s*:\\s*\"([^\"]+)\"").find(json)?.groupValues?.get(1)

    @Test
    fun `an invitation push becomes a lock-screen line naming only the case code`() = runBlocking {
        // A fake push gateway on loopback, recording what the homeserver sends.
        val pushes = CopyOnWriteArrayList<String>()
        val gateway = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        gateway.createContext("/_matrix/push/v1/notify") { exchange ->
            pushes.add(exchange.requestBody.readBytes().decodeToString())
            val answer = """{"rejected":[]}""".toByteArray()
            exchange.sendResponseHeaders(200, answer.size.toLong())
            exchange.responseBody.use { it.write(answer) }
        }
        gateway.start()
        try {
            val secret = marker("PUSH")
            val gp = Device("gp").register()
            val derm = Device("derm").register()
            derm.registerPusher(PusherConfig(
                appId = "fr.innomed.test",
                pushkey = marker("key"),
                gatewayUrl = "http://127.0.0.1:${gateway.address.port}/_matrix/push/v1/notify",
                deviceName = "JVM",
                lang = "fr",
                platform = PushPlatform.ANDROID,
            ))
            val case = gp.createCase(newCase(secret))
            case.invite(derm.userId())

            val push = eventually("the invitation's push") { pushes.firstOrNull { case.roomId() in it } }
            val notification = derm.notification(field(push, "room_id")!!, field(push, "event_id")!!)
            assertEquals(NotificationKind.INVITATION, notification.kind)
            assertEquals("Invitation au dossier ${case.code()}", notification.lockScreenFr)
            assertEquals("Invitation to case ${case.code()}", notification.lockScreenEn)
            assertFalse(pushes.any { secret in it || case.code() in it }, "nothing readable pushed")

            case.close()
            gp.shutdown()
            derm.shutdown()
            gp.close()
            derm.close()
        } finally {
            gateway.stop(0)
        }
    }
}
