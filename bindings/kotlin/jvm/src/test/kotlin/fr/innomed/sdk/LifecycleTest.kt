package fr.innomed.sdk

import fr.innomed.core.*

import java.lang.ref.WeakReference
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Subscriptions stop when cancelled; objects are released without leaks or crashes. */
class LifecycleTest {
    @Test
    fun `a cancelled subscription gets no more callbacks and its listener is released`() = runBlocking {
        val gp = Device("gp").register()
        val case = gp.createCase(newCase(marker("L")))
        val timeline = case.conversation()

        var screen: ConversationScreen? = ConversationScreen()
        val released = WeakReference(screen)
        val task = timeline.subscribe(screen!!)
        timeline.sendText("un ${marker("L")}")
        eventually("the message shows") { screen!!.texts().takeIf { it.isNotEmpty() } }

        task.cancel()
        assertTrue(task.isFinished())
        val callsAtCancel = screen!!.calls.size
        timeline.sendText("deux ${marker("L")}")
        timeline.sendText("trois ${marker("L")}")
        gp.flushOutbox(WAIT_MS.toULong())
        delay(2_000)
        assertEquals(callsAtCancel, screen!!.calls.size, "no callback after cancel")

        // Rust dropped its reference to the listener: once Kotlin lets go too, it is collected.
        task.close()
        screen = null
        eventually("the listener is garbage-collected") {
            System.gc()
            if (released.get() == null) Unit else null
        }

        // A destroyed object refuses calls instead of crashing the process.
        timeline.close()
        assertThrows<IllegalStateException> { runBlocking { timeline.sendText("après destruction") } }
        case.close()
        gp.shutdown()
        gp.close()
    }

    @Test
    fun `dropping a handle without cancelling stops the subscription too`() = runBlocking {
        val gp = Device("gp").register()
        val screen = CaseListScreen()
        val handle = gp.subscribeCases(screen)
        eventually("the first reset") { screen.calls.firstOrNull() }
        handle.close()
        val before = screen.calls.size
        gp.createCase(newCase(marker("D"))).close()
        delay(2_000)
        assertEquals(before, screen.calls.size)
        gp.shutdown()
        gp.close()
    }
}
