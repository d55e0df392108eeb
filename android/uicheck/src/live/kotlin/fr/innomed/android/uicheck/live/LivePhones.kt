package fr.innomed.android.uicheck.live

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxHeight
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.hasAnyAncestor
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasScrollToIndexAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.isEnabled
import androidx.compose.ui.test.isRoot
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.onFirst
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.performTextClearance
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.printToString
import fr.innomed.android.architecture.Presenter
import fr.innomed.android.ui.theme.InnomedTheme

/** Network and sync: one step of the journey may take this long. */
const val STEP_MS = 60_000L

/** Between two looks at the screens, while waiting: the phones' work runs meanwhile. */
private const val POLL_MS = 50L

/** A list is scrolled through for an awaited text at most this often (it moves the list). */
private const val SCROLL_EVERY_MS = 2_000L

/** One phone's screen: [content] is what its app shows now (its navigation sets it). */
class PhoneScreen(val tag: String) {
    var content: @Composable () -> Unit by mutableStateOf({})
}

/** A presenter's state, collected, drawn by its view: what each destination of the app does. */
@Composable
fun <S, E> Presented(presenter: Presenter<S, E>, view: @Composable (S, (E) -> Unit) -> Unit) {
    val state by presenter.state.collectAsState()
    view(state, presenter::onEvent)
}

/**
 * The phones side by side in the one window of [rule] (1024×768: two screens of 512×768 dp),
 * each in a box tagged with its name, so that what a doctor sees is what is under their box.
 */
class Phones(private val rule: ComposeContentTestRule, private vararg val screens: PhoneScreen) {
    /** Texts that must not be on a phone's screen, checked at every look while listed. */
    private val forbidden = mutableMapOf<PhoneScreen, MutableSet<String>>()

    fun show() = rule.setContent {
        InnomedTheme(darkTheme = false) {
            Row(Modifier.fillMaxSize()) {
                screens.forEach { screen ->
                    Box(Modifier.weight(1f).fillMaxHeight().testTag(screen.tag)) { screen.content() }
                }
            }
        }
    }

    /** Navigation from the test's thread, as the app's own (a tap's callback) runs: on the UI thread. */
    fun navigate(change: () -> Unit) {
        rule.runOnUiThread(change)
        rule.waitForIdle()
    }

    /**
     * Frames drawn and the screens looked at until [condition] holds; the phones' coroutines run
     * on their own threads meanwhile. On timeout, the failure shows every screen.
     */
    fun await(what: String, timeoutMillis: Long = STEP_MS, condition: () -> Boolean) {
        val deadline = System.nanoTime() + timeoutMillis * 1_000_000
        while (true) {
            rule.mainClock.advanceTimeByFrame()
            rule.waitForIdle()
            checkForbidden()
            if (condition()) return
            if (System.nanoTime() > deadline) throw AssertionError("$what: not within ${timeoutMillis / 1000} s; the screens:\n${dump()}")
            Thread.sleep(POLL_MS)
        }
    }

    private fun checkForbidden() = forbidden.forEach { (screen, texts) ->
        texts.firstOrNull { on(screen).shows(it) }?.let { throw AssertionError("\"$it\" on the ${screen.tag}'s screen:\n${dump()}") }
    }

    /**
     * The semantics of every screen, as on a timeout; without what fields hold (a recovery key
     * or a password is typed in some), so a failure prints nothing secret.
     */
    private fun dump(): String = rule.onAllNodes(isRoot()).printToString(maxDepth = Int.MAX_VALUE)
        .lineSequence()
        .filterNot { "EditableText" in it || "InputText" in it }
        .joinToString("\n")
        .take(30_000)

    fun on(screen: PhoneScreen) = OnPhone(screen)

    /** What a doctor sees and taps on one phone. */
    inner class OnPhone(private val screen: PhoneScreen) {
        private fun mine(matcher: SemanticsMatcher) = matcher and hasAnyAncestor(hasTestTag(screen.tag))

        private fun exists(matcher: SemanticsMatcher) = rule.onAllNodes(mine(matcher)).fetchSemanticsNodes().isNotEmpty()

        fun shows(text: String) = exists(hasText(text, substring = true))

        /**
         * Waits for [text] on this screen; with [scroll], a list of the screen (a conversation) is
         * also scrolled through for it, now and then, in case it is off screen.
         */
        fun waitFor(text: String, scroll: Boolean = false, timeoutMillis: Long = STEP_MS) {
            var scrolled = 0L
            await("\"$text\" on the ${screen.tag}'s screen", timeoutMillis) {
                shows(text) || scroll && System.nanoTime() - scrolled > SCROLL_EVERY_MS * 1_000_000 && run {
                    scrolled = System.nanoTime()
                    scrollTo(text)
                    shows(text)
                }
            }
        }

        private fun scrollTo(text: String) {
            val lists = rule.onAllNodes(mine(hasScrollToIndexAction()))
            lists.fetchSemanticsNodes().indices.forEach { i ->
                runCatching { lists[i].performScrollToNode(hasText(text, substring = true)) }
            }
            rule.waitForIdle()
        }

        fun assertNotShown(text: String, why: String) {
            if (shows(text)) throw AssertionError("$why: \"$text\" is on the ${screen.tag}'s screen")
        }

        fun assertNoTextField(why: String) {
            if (exists(hasSetTextAction())) throw AssertionError("$why: a text field is on the ${screen.tag}'s screen")
        }

        /** [text] must not show on this screen until [allow]: checked at every look meanwhile. */
        fun forbid(text: String) {
            assertNotShown(text, "forbidden")
            forbidden.getOrPut(screen) { mutableSetOf() } += text
        }

        fun allow(text: String) {
            forbidden[screen]?.remove(text)
        }

        /** Taps the button (chip, line) saying [text], once it is there and enabled; scrolled into view first. */
        fun tap(text: String) {
            val button = mine(hasText(text) and hasClickAction() and isEnabled())
            await("\"$text\" to tap on the ${screen.tag}'s screen") { exists(button) }
            val node = rule.onAllNodes(button).onFirst()
            runCatching { node.performScrollTo() }
            node.performClick()
            rule.waitForIdle()
        }

        private fun field(label: String) = mine(hasSetTextAction() and hasText(label, substring = true)).also { field ->
            await("the field \"$label\" on the ${screen.tag}'s screen") { exists(field) }
        }

        /** Types [text] into the field labelled [label], as a thumb would (after what it holds). */
        fun type(label: String, text: String) {
            val node = rule.onAllNodes(field(label)).onFirst()
            runCatching { node.performScrollTo() }
            node.performTextInput(text)
            rule.waitForIdle()
        }

        fun clear(label: String) {
            rule.onAllNodes(field(label)).onFirst().performTextClearance()
            rule.waitForIdle()
        }
    }
}
