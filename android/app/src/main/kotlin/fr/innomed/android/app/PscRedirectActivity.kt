package fr.innomed.android.app

import android.app.Activity
import android.content.Intent
import android.os.Bundle

/**
 * Catches the Pro Santé Connect page's return (`fr.innomed.app:/psc?…`, the manifest's
 * intent-filter), hands the address to the sign-in screen through [AppGraph.pscReturns], and
 * brings [MainActivity] back over the Custom Tab. It draws nothing and keeps no history. The
 * address carries a login token: never logged. Whether it is a valid answer is the core's to
 * say; the sign-in screen takes it only while its page is open.
 */
class PscRedirectActivity : Activity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        (application as InnomedApplication).graph.pscReturns.returned(intent?.dataString)
        startActivity(
            Intent(this, MainActivity::class.java)
                .addFlags(Intent.FLAG_ACTIVITY_CLEAR_TOP or Intent.FLAG_ACTIVITY_SINGLE_TOP),
        )
        finish()
    }
}
