package fr.innomed.sdk

import fr.innomed.core.*

import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The phone is deleted from the doctor's computer: the app is told, and nothing is left. */
class SignOutTest {
    private val http = HttpClient.newHttpClient()

    private fun send(method: String, path: String, token: String?, body: String): HttpResponse<String> {
        val request = HttpRequest.newBuilder(URI.create(homeserverUrl + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .apply { if (token != null) header("Authorization", "Bearer $token") }
            .build()
        return http.send(request, HttpResponse.BodyHandlers.ofString())
    }

    private fun field(json: String, name: String): String =
        Regex("\"$name\"\\s*:\\s*\"([^\"]+)\"").find(json)?.groupValues?.get(1) ?: error("no $name in $json")

    @Test
    fun `a device deleted from another session is signed out and forgotten`() = runBlocking {
        val device = Device("gp")
        val phone = device.register()
        val signedOut = CompletableFuture<Unit>()
        val watch = phone.watchSignOut(object : SignOutListener {
            override fun onSignedOut() {
                signedOut.complete(Unit)
            }
        })

        // The doctor's computer: a password login, then deleting the phone's device.
        val identifier = """{"type":"m.id.user","user":"${phone.userId()}"}"""
        val login = send("POST", "/_matrix/client/v3/login", null,
            """{"type":"m.login.password","identifier":$identifier,"password":"$PASSWORD"}""")
        val token = field(login.body(), "access_token")
        val path = "/_matrix/client/v3/devices/${phone.deviceId()}"
        val session = field(send("DELETE", path, token, "{}").body(), "session")
        val deleted = send("DELETE", path, token,
            """{"auth":{"type":"m.login.password","session":"$session","identifier":$identifier,"password":"$PASSWORD"}}""")
        assertEquals(200, deleted.statusCode())

        signedOut.get(WAIT_MS, TimeUnit.MILLISECONDS)
        assertNull(device.secureStore.readSession(), "the saved session is forgotten")
        assertNull(device.secureStore.readStoreKey(), "the store key too")
        assertThrows<AccountException.NotLoggedIn> { runBlocking { device.builder().use { it.restore() } } }

        listOf(watch, phone).forEach { it.close() }
    }
}
