package fr.innomed.sdk

import fr.innomed.core.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The recovery key from Kotlin: shown once on the first phone, entered on the new one. */
class RecoveryTest {
    @Test
    fun `a new phone refuses a wrong recovery key, then reads the old history with the right one`() = runBlocking {
        val secret = marker("REC")
        val first = Device("gp").register()
        eventually("recovery status known") { first.recoveryStatus().takeIf { it == RecoveryStatus.DISABLED } }
        val key = first.enableRecovery()
        assertThrows<TrustException.RecoveryAlreadyEnabled> { runBlocking { first.enableRecovery() } }

        val case = first.createCase(newCase(secret))
        val timeline = case.conversation()
        timeline.sendText("avant $secret")
        assertTrue(first.flushOutbox(WAIT_MS.toULong()))
        assertTrue(first.waitForBackup(WAIT_MS.toULong()), "room keys backed up")

        val phone = Device("phone").builder().use { it.login(first.userId(), PASSWORD) }
        phone.startSync()
        phone.waitUntilSynced(WAIT_MS.toULong())
        eventually("recovery incomplete on the new phone") {
            phone.recoveryStatus().takeIf { it == RecoveryStatus.INCOMPLETE }
        }
        assertThrows<TrustException.WrongRecoveryKey> { runBlocking { phone.recover("pas la bonne clé") } }
        assertFalse(phone.isDeviceCrossSigned(), "nothing imported")

        phone.recover(key)
        assertTrue(phone.isDeviceCrossSigned())
        val phoneCase = eventually("the case on the new phone") { runCatching { phone.case(case.roomId()) }.getOrNull() }
        val phoneTimeline = phoneCase.conversation()
        val screen = ConversationScreen()
        val task = phoneTimeline.subscribe(screen)
        eventually("the old message on the new phone") {
            phoneTimeline.loadHistory(WAIT_MS.toULong())
            screen.texts().takeIf { "avant $secret" in it }
        }
        assertEquals(RecoveryStatus.ENABLED, phone.recoveryStatus())

        task.cancel()
        listOf(task, phoneTimeline, phoneCase, timeline, case).forEach { it.close() }
        first.shutdown()
        phone.shutdown()
        first.close()
        phone.close()
    }
}
