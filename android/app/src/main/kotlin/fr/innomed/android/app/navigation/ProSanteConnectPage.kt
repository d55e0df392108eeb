package fr.innomed.android.app.navigation

import android.content.ActivityNotFoundException
import android.net.Uri
import androidx.browser.customtabs.CustomTabsIntent
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.platform.LocalContext
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import fr.innomed.android.app.AppGraph
import fr.innomed.android.features.signin.SignInEvent

/**
 * The sign-in screen's Pro Santé Connect page: opened once in a Custom Tab (the browser's own
 * page, not a WebView: the app never sees the doctor's e-CPS or credentials), and its return,
 * caught by `PscRedirectActivity` into [AppGraph.pscReturns], handed to the presenter, which
 * takes it only while its page is open. The address carries a login token: never logged.
 */
@Composable
internal fun ProSanteConnectPage(graph: AppGraph, page: String?, onEvent: (SignInEvent) -> Unit) {
    val context = LocalContext.current
    LaunchedEffect(page) {
        if (page == null) return@LaunchedEffect
        val opened = try {
            CustomTabsIntent.Builder().build().launchUrl(context, Uri.parse(page))
            true
        } catch (e: ActivityNotFoundException) {
            false
        }
        onEvent(SignInEvent.PscPageOpened)
        // No browser on the phone: nothing will come back.
        if (!opened) onEvent(SignInEvent.CancelPsc)
    }
    val returned by graph.pscReturns.pending.collectAsStateWithLifecycle()
    LaunchedEffect(returned) {
        if (returned != null) graph.pscReturns.take()?.let { onEvent(SignInEvent.PscReturned(it)) }
    }
}
