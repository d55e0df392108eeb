package fr.innomed.android.app.navigation

import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import android.net.Uri

/**
 * "Rappeler le …": the phone's dialer with the GP's number typed in ([phone], `+33612345678`),
 * for the doctor to call; nothing is dialled by the app itself (no CALL_PHONE permission). A phone
 * or tablet without a dialer opens nothing: the number stays on the case screen's button.
 */
internal fun dial(context: Context, phone: String) {
    try {
        context.startActivity(Intent(Intent.ACTION_DIAL, Uri.parse("tel:$phone")))
    } catch (e: ActivityNotFoundException) {
        // No dialer: the number is shown on the button, to call from another phone.
    }
}
