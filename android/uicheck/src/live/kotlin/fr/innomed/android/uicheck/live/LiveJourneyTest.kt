package fr.innomed.android.uicheck.live

import androidx.compose.ui.test.junit4.createComposeRule
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.UserId
import fr.innomed.android.api.session.UserSession
import fr.innomed.android.features.signin.SignInPresenter
import fr.innomed.android.features.signin.SignInView
import fr.innomed.android.journey.PASSWORD
import fr.innomed.android.journey.Phone
import fr.innomed.android.journey.eventually
import fr.innomed.android.journey.homeserverUrl
import fr.innomed.android.journey.marker
import java.io.File
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.async
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import org.junit.Rule
import org.junit.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue

/**
 * The journey against the real bindings and a Synapse, tapped through the app's views as the two
 * doctors would, their phones side by side: each phone is the app's Rust-backed services with its
 * own folder, each screen a real view over its real presenter (android/jvm's RequestJourneyTest
 * drives the same presenters without views; JourneysTest clicks these views against fakes).
 *
 * The GP signs in on his phone's sign-in screen (a wrong password first), enters his recovery
 * key, fills the request form and sends it. The dermatologist on duty (signed in by the services,
 * her recovery key on her screen) sees the invitation in her list, opens it: the brief, never the
 * patient's initials nor the reason; she takes it. The GP confirms her on his case screen, his
 * phone hands the case over; she reads it and sends her advice; the GP reads it and closes the
 * case with the report, which she sees closed.
 */
class LiveJourneyTest {
    @get:Rule
    val rule = createComposeRule()

    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private val gpScreen = PhoneScreen("GP")
    private val dermScreen = PhoneScreen("dermatologist")
    private val phones = Phones(rule, gpScreen, dermScreen)
    private val gp = phones.on(gpScreen)
    private val derm = phones.on(dermScreen)

    @Test
    fun `a GP's request, typed on his phone, is taken and answered on the dermatologist's, then closed`() {
        val secret = marker("J")
        val patient = "M.D. $secret"
        val reason = "Lésion pigmentée du dos $secret"
        val question = "Exérèse ou surveillance ? $secret"
        val assessment = "Kératose séborrhéique $secret"
        val recommendation = "Surveillance annuelle $secret"
        val outcome = "Surveillance par le médecin traitant $secret"
        val cpts = runBlocking { LiveCpts.create("dermatology") }
        val gpPhone = Phone("gp-phone")
        val dermPhone = Phone("derm-phone")
        phones.show()
        try {
            // Her phone signs in meanwhile, by its services.
            val dermSignIn = scope.async { dermPhone.sessions.signIn(homeserverUrl, cpts.derm.value, Secret(PASSWORD)) }
            val gpApp = PhoneApp(gpScreen, scope, signInOnScreen(gpPhone, cpts.gp))
            val dermSession = runBlocking { dermSignIn.await() }.let { (it as? Outcome.Success)?.value ?: error("her sign-in: $it") }
            val dermApp = PhoneApp(dermScreen, scope, dermSession)
            recoverOnScreen(gpApp, gp, cpts.gpKey)
            recoverOnScreen(dermApp, derm, cpts.dermKey)

            // Her list, from now on: nothing of the patient there before she takes the request.
            derm.forbid(patient)
            derm.forbid(reason)
            phones.navigate { dermApp.caseList() }

            // His list, then the form: the CPTS known on his phone first (the rota says who is on duty).
            phones.navigate { gpApp.caseList() }
            runBlocking {
                eventually("the CPTS synced on the GP's phone") {
                    (gpApp.session.directory.onDutyNow("dermatology") as? Outcome.Success)?.value?.takeIf { it.isNotEmpty() }
                }
            }
            gp.tap("Nouvelle demande")
            gp.tap(gpApp.session.directory.specialties().first { it.code == "dermatology" }.labelFr)
            gp.waitFor("De garde : Dr Nadia Benali")
            gp.tap("Sous 48 h")
            gp.type("Patient (initiales ou pseudonyme)", patient)
            gp.tap("Adulte")
            gp.tap("Femme")
            gp.type("Motif", reason)
            gp.type("Question", question)
            gp.tap("Le patient consent à la télé-expertise")
            gp.tap("Envoyer la demande")
            phones.await("the request opened, its case screen on the GP's phone") {
                gpApp.form?.state?.value?.error?.let { throw AssertionError("request refused: $it") }
                gpApp.case != null
            }
            gp.waitFor("Aucun spécialiste n'a encore pris en charge la demande")
            gp.waitFor("$patient · Adulte · Femme", scroll = true)
            gp.assertNoTextField("nobody writes into the request before it is taken")

            // Her list: the invitation; its screen: the brief, to take.
            derm.waitFor("Invitation de")
            derm.tap("Voir la demande")
            derm.waitFor("Question : $question")
            derm.waitFor("Patient : Adulte, Femme")
            derm.waitFor("Le dossier complet (patient, photos, messages) sera transmis")
            derm.tap("Prendre en charge")
            derm.waitFor("En attente de transmission du dossier par le médecin demandeur")

            // His screen asks him to confirm her (he verified neither her nor the coordinator).
            gp.waitFor("confirmez-le pour lui transmettre le dossier")
            gp.tap("Confirmer")

            // Handed over: the whole case on her screen, and the advice form.
            derm.allow(patient)
            derm.allow(reason)
            derm.waitFor("$patient · Adulte · Femme", scroll = true)
            derm.waitFor("Motif : $reason", scroll = true)
            derm.type("Analyse", assessment)
            derm.type("Conduite à tenir", recommendation)
            derm.tap("Consultation à programmer")
            derm.tap("Envoyer l'avis")
            derm.waitFor("Analyse : $assessment", scroll = true)

            // His screen: the advice; he closes the case with the report.
            gp.waitFor("Avis du spécialiste", scroll = true)
            gp.waitFor("Analyse : $assessment", scroll = true)
            gp.waitFor("Conduite à tenir : $recommendation", scroll = true)
            gp.waitFor("Consultation à programmer", scroll = true)
            gp.type("Conclusion pour le compte rendu", outcome)
            gp.tap("Clore avec compte rendu")
            gp.waitFor("Compte rendu enregistré sur ce téléphone.")
            val report = gpApp.case?.state?.value?.report ?: error("no report in the GP's case screen")
            assertTrue(File(report.pdfPath).readBytes().decodeToString(0, 5) == "%PDF-", "the report is a PDF")
            assertTrue(question in File(report.jsonPath).readText(), "the report has the question")
            derm.waitFor("Dossier clos : $outcome", scroll = true)
        } finally {
            scope.cancel()
            runBlocking {
                gpPhone.sessions.shutdown()
                dermPhone.sessions.shutdown()
            }
        }
    }

    /** The GP's sign-in screen: the server, his id, a wrong password (refused), then the right one. */
    private fun signInOnScreen(phone: Phone, user: UserId): UserSession {
        val signIn = SignInPresenter(scope, phone.sessions)
        phones.navigate { gpScreen.content = { Presented(signIn) { state, onEvent -> SignInView(state, onEvent) } } }
        gp.type("Serveur de la CPTS", homeserverUrl)
        gp.type("Identifiant", user.value)
        gp.type("Mot de passe", "not the password")
        gp.tap("Se connecter")
        gp.waitFor("Identifiant ou mot de passe incorrect.")
        gp.clear("Mot de passe")
        gp.type("Mot de passe", PASSWORD)
        gp.tap("Se connecter")
        phones.await("the GP signed in") {
            signIn.state.value.error?.let { throw AssertionError("sign-in refused: $it") }
            signIn.state.value.signedInAs != null
        }
        assertEquals(user, signIn.state.value.signedInAs)
        return phone.sessions.activeSession.value ?: error("no active session after the sign-in")
    }

    /** A new phone's recovery screen: the key typed, accepted; the phone is cross-signed. */
    private fun recoverOnScreen(app: PhoneApp, on: Phones.OnPhone, key: String) {
        phones.navigate { app.recovery() }
        on.waitFor("Entrez votre clé de récupération")
        on.type("Clé de récupération", key)
        on.tap("Valider")
        on.waitFor("Clé acceptée : ce téléphone est vérifié.")
        assertTrue(runBlocking { app.session.trust.isThisDeviceVerified() }, "the phone is cross-signed")
    }
}
