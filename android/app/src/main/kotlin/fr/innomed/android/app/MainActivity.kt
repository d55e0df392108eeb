package fr.innomed.android.app

import android.content.Context
import android.content.Intent
import android.os.Bundle
import android.view.WindowManager
import androidx.activity.compose.setContent
import androidx.compose.foundation.layout.Box
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.fragment.app.FragmentActivity
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import fr.innomed.android.api.push.NotificationTap
import fr.innomed.android.app.lock.LockScreen
import fr.innomed.android.app.lock.UnlockProblem
import fr.innomed.android.app.lock.promptUnlock
import fr.innomed.android.app.navigation.InnomedNavHost
import fr.innomed.android.ui.theme.InnomedTheme

/**
 * The one activity. A FragmentActivity because BiometricPrompt needs one. A tapped notification
 * starts it ([tapIntent]) or comes to [onNewIntent]; its case (or, for a coordinator's unanswered
 * request, the CPTS's follow-ups) opens after the unlock.
 */
class MainActivity : FragmentActivity() {
    private val graph get() = (application as InnomedApplication).graph

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        // No screenshots, no screen recording, a blank thumbnail in recent apps.
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        // A recreated activity (rotation, process restart) carries the tap it already handled.
        if (savedInstanceState == null) tapped(intent)
        setContent {
            InnomedTheme {
                val locked by graph.appLock.locked.collectAsStateWithLifecycle()
                var everUnlocked by remember { mutableStateOf(false) }
                var problem by remember { mutableStateOf<UnlockProblem?>(null) }
                LaunchedEffect(locked) { if (!locked) everUnlocked = true }
                Box {
                    // Nothing is drawn before the first unlock; later, the screens stay composed
                    // (drafts kept) under the lock, hidden from accessibility services too.
                    if (everUnlocked) {
                        val hidden = if (locked) Modifier.clearAndSetSemantics {} else Modifier
                        Box(hidden) { InnomedNavHost(graph) }
                    }
                    if (locked) {
                        LockScreen(
                            problem = problem,
                            onUnlock = {
                                promptUnlock(
                                    activity = this@MainActivity,
                                    onUnlocked = { problem = null; graph.appLock.unlock() },
                                    onProblem = { problem = it },
                                )
                            },
                        )
                    }
                }
            }
        }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        setIntent(intent)
        tapped(intent)
    }

    private fun tapped(intent: Intent) {
        // Reopened from recent apps: the intent is the old tap again.
        if ((intent.flags and Intent.FLAG_ACTIVITY_LAUNCHED_FROM_HISTORY) != 0) return
        graph.notificationTaps.tapped(intent.getStringExtra(EXTRA_ROOM_ID), intent.getBooleanExtra(EXTRA_UNANSWERED, false))
    }

    companion object {
        private const val EXTRA_ROOM_ID = "fr.innomed.android.ROOM_ID"
        private const val EXTRA_UNANSWERED = "fr.innomed.android.UNANSWERED"

        /**
         * A notification's tap: opens [tap]'s case, or its CPTS's follow-ups, after the unlock.
         * A room id and a flag only, no content.
         */
        fun tapIntent(context: Context, tap: NotificationTap): Intent =
            Intent(context, MainActivity::class.java)
                .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_SINGLE_TOP)
                .putExtra(EXTRA_ROOM_ID, tap.roomId.value)
                .putExtra(EXTRA_UNANSWERED, tap is NotificationTap.Unanswered)
    }
}
