package fr.innomed.android.app.navigation

import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavHostController
import androidx.navigation.compose.currentBackStackEntryAsState
import fr.innomed.android.api.push.NotificationTap
import fr.innomed.android.app.AppGraph

/**
 * Opens a tapped notification over the current screen, once the app is unlocked and the doctor
 * is past the sign-in screen: on a cold start after the first unlock and the account's
 * reopening, on a warm one after the lock if it came back. The lock and the session are read
 * at the moment of deciding; the states below only make the decision run again.
 *
 * A case's notification opens its case. A coordinator's unanswered request (its room id is the
 * CPTS space's) opens the follow-ups ("Relances": the CPTS's unanswered requests and windows);
 * the account belongs to one CPTS, whose follow-ups that screen reads.
 */
@Composable
internal fun OpenTapped(graph: AppGraph, nav: NavHostController) {
    val tapped by graph.notificationTaps.pending.collectAsStateWithLifecycle()
    val locked by graph.appLock.locked.collectAsStateWithLifecycle()
    val session by graph.sessions.activeSession.collectAsStateWithLifecycle()
    val entry by nav.currentBackStackEntryAsState()
    val route = entry?.destination?.route
    LaunchedEffect(tapped, locked, session, route) {
        val tap = graph.notificationTaps.take(
            unlocked = !graph.appLock.locked.value,
            canShowCase = graph.sessions.activeSession.value != null && route != null && route != Routes.SIGN_IN,
        ) ?: return@LaunchedEffect
        when (tap) {
            is NotificationTap.Case -> {
                // Already on that case: keep it (and its draft) as it is.
                if (route == Routes.CASE && entry?.arguments?.getString("roomId") == tap.roomId.value) return@LaunchedEffect
                // Pushed on top: the open screen (a request form, a draft, a verification) stays below.
                // Not launchSingleTop: over another case it would reuse that entry and its presenter.
                nav.navigate(Routes.case(tap.roomId))
            }
            // Pushed on top too; already there, replaced, so the new request is read.
            is NotificationTap.Unanswered -> nav.navigate(Routes.ROUTING) {
                if (route == Routes.ROUTING) popUpTo(Routes.ROUTING) { inclusive = true }
            }
        }
    }
}
