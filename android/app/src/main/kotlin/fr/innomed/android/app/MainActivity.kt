package fr.innomed.android.app

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
import fr.innomed.android.app.lock.LockScreen
import fr.innomed.android.app.lock.UnlockProblem
import fr.innomed.android.app.lock.promptUnlock
import fr.innomed.android.app.navigation.InnomedNavHost
import fr.innomed.android.app.ui.theme.InnomedTheme

/** The one activity. A FragmentActivity because BiometricPrompt needs one. */
class MainActivity : FragmentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        // No screenshots, no screen recording, a blank thumbnail in recent apps.
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        val graph = (application as InnomedApplication).graph
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
}
