package fr.innomed.android.journey

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.Secret
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.conversation.MessageContent
import fr.innomed.android.api.conversation.TimelineEntry
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.api.session.SignInError
import fr.innomed.android.api.session.UserSession
import fr.innomed.android.api.trust.RecoveryState
import fr.innomed.android.features.case.AdviceDraft
import fr.innomed.android.features.case.CaseAction
import fr.innomed.android.features.case.CaseEvent
import fr.innomed.android.features.case.CasePresenter
import fr.innomed.android.features.case.CaseRole
import fr.innomed.android.features.case.CaseState
import fr.innomed.android.features.caselist.CaseListEvent
import fr.innomed.android.features.caselist.CaseListPresenter
import fr.innomed.android.features.newrequest.NewRequestEvent
import fr.innomed.android.features.newrequest.NewRequestPresenter
import fr.innomed.android.features.newrequest.OnDuty
import fr.innomed.android.features.recovery.RecoveryEvent
import fr.innomed.android.features.recovery.RecoveryPresenter
import fr.innomed.android.features.signin.SignInEvent
import fr.innomed.android.features.signin.SignInPresenter
import java.io.File
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The journey on the real Synapse, through the app's presenters, the Rust-backed services and
 * the real bindings. A GP and a dermatologist sign in on their phones (new devices of accounts
 * that have a recovery key, in a CPTS where she is on duty); the GP sends a télé-expertise
 * request and a message; she sees the invitation at the top of her list, accepts it, reads the
 * header and the message, takes the request and advises; the GP reads the advice and closes
 * the case with a report written on his phone.
 */
class RequestJourneyTest {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    @Test
    fun `a GP's request reaches the dermatologist on duty, who accepts, reads, takes and answers it`() = runBlocking {
        val secret = marker("J")
        val gpDesk = Desk.register("gp")
        val dermDesk = Desk.register("derm")
        val coordinator = Desk.register("coord")
        val spaceId = coordinator.createCpts(gpDesk, dermDesk, "dermatology")
        gpDesk.joinCpts(spaceId)
        dermDesk.joinCpts(spaceId)
        val gpKey = gpDesk.enableRecovery()
        val dermKey = dermDesk.enableRecovery()
        val gpUser = UserId(gpDesk.userId)
        val dermUser = UserId(dermDesk.userId)
        listOf(gpDesk, dermDesk, coordinator).forEach { it.close() }

        val gpPhone = Phone("gp-phone")
        val dermPhone = Phone("derm-phone")
        try {
            val gp = signInOnScreen(gpPhone, gpUser)
            val signedIn = dermPhone.sessions.signIn(homeserverUrl, dermUser.value, Secret(PASSWORD))
            val derm = (signedIn as? Outcome.Success)?.value ?: error("dermatologist sign-in: $signedIn")
            recover(gp, gpKey)
            recover(derm, dermKey)

            // The new request: the rota says she is on duty; consent given; sent.
            eventually("the CPTS synced on the GP's phone") {
                (gp.directory.onDutyNow("dermatology") as? Outcome.Success)?.value?.takeIf { it.isNotEmpty() }
            }
            val form = NewRequestPresenter(scope, gp.requests, gp.directory)
            form.onEvent(NewRequestEvent.SpecialtySelected("dermatology"))
            val onDuty = eventually("who is on duty") { form.state.value.onDuty as? OnDuty.Available }
            assertEquals(listOf(dermUser), onDuty.specialists.map { it.userId })
            form.onEvent(NewRequestEvent.UrgencySelected(Urgency.SOON))
            form.onEvent(NewRequestEvent.PatientLabelChanged("P.$secret"))
            form.onEvent(NewRequestEvent.AgeBandSelected(AgeBand.ADULT))
            form.onEvent(NewRequestEvent.SexSelected(Sex.FEMALE))
            form.onEvent(NewRequestEvent.ReasonChanged("Lésion $secret"))
            form.onEvent(NewRequestEvent.QuestionChanged("Exérèse ? $secret"))
            form.onEvent(NewRequestEvent.ConsentChanged(true))
            form.onEvent(NewRequestEvent.Submit)
            val roomId = eventually("the request opened") {
                form.state.value.let { it.error?.let { e -> error("request refused: $e") } ?: it.created }
            }

            val gpCase = CasePresenter(scope, roomId, gp.userId, gp.cases, gp.conversations, gp.requests)
            eventually("the GP's case screen") { gpCase.state.value.takeIf { it.composerEnabled && it.role == CaseRole.REQUESTER } }
            gpCase.onEvent(CaseEvent.ComposerChanged("Photo à suivre $secret"))
            gpCase.onEvent(CaseEvent.Send)
            eventually("the message queued") { gpCase.state.value.takeIf { !it.sending && it.composer.isEmpty() } }

            // Her list: the invitation first; she accepts it there.
            val list = CaseListPresenter(scope, derm.cases)
            val invitation = eventually("the invitation first in the list") {
                list.state.value.rows.firstOrNull()?.takeIf { it.roomId == roomId && it.isInvitation }
            }
            assertEquals(gpUser, invitation.inviter)
            list.onEvent(CaseListEvent.Accept(roomId))
            eventually("the accepted case opens") { list.state.value.openedCase?.takeIf { it == roomId } }

            // The case screen: the header and the message sent before she joined, decrypted.
            val case = CasePresenter(scope, roomId, derm.userId, derm.cases, derm.conversations, derm.requests)
            eventually("header and message decrypted, the request to take") {
                case.state.value.takeIf { "Photo à suivre $secret" in it.texts() && it.header != null && CaseAction.TAKE in it.actions }
            }
            assertEquals("Exérèse ? $secret", case.state.value.header?.question)
            assertEquals(gpUser, case.state.value.messages().first { it.content is MessageContent.Text }.sender)

            case.onEvent(CaseEvent.Act(CaseAction.TAKE))
            eventually("she is the expert") { case.state.value.takeIf { it.role == CaseRole.EXPERT && it.actions == setOf(CaseAction.ADVISE) } }
            case.onEvent(CaseEvent.AdviceChanged(AdviceDraft("Kératose séborrhéique $secret", "Surveillance", InPerson.NOT_NEEDED)))
            case.onEvent(CaseEvent.Act(CaseAction.ADVISE))
            eventually("the advice sent") { case.state.value.takeIf { it.busy == null && it.advice == AdviceDraft() } }
                .also { assertEquals(null, it.error) }

            // The GP reads the advice card and closes the case; the report stays on his phone.
            eventually("the advice on the GP's phone, and closing offered") {
                gpCase.state.value.takeIf { state ->
                    state.actions == setOf(CaseAction.CLOSE_WITH_REPORT) &&
                        state.messages().any { (it.content as? MessageContent.AdviceCard)?.advice?.assessment == "Kératose séborrhéique $secret" }
                }
            }
            gpCase.onEvent(CaseEvent.OutcomeChanged("Surveillance par le médecin traitant"))
            gpCase.onEvent(CaseEvent.Act(CaseAction.CLOSE_WITH_REPORT))
            val report = eventually("the report") {
                gpCase.state.value.let { it.error?.let { e -> error("closing refused: $e") } ?: it.report }
            }
            assertTrue(File(report.pdfPath).readBytes().decodeToString(0, 5) == "%PDF-")
            assertTrue("Exérèse ? $secret" in File(report.jsonPath).readText())
        } finally {
            scope.cancel()
            gpPhone.sessions.shutdown()
            dermPhone.sessions.shutdown()
        }
    }

    /** The sign-in screen: a wrong password comes back typed, then the right one signs in. */
    private suspend fun signInOnScreen(phone: Phone, user: UserId): UserSession {
        val signIn = SignInPresenter(scope, phone.sessions, initialHomeserver = homeserverUrl)
        signIn.onEvent(SignInEvent.UserIdChanged(user.value))
        signIn.onEvent(SignInEvent.PasswordChanged(Secret("not the password")))
        signIn.onEvent(SignInEvent.Submit)
        eventually("WrongCredentials on the sign-in screen") {
            signIn.state.value.takeIf { !it.submitting && it.error == SignInError.WrongCredentials }
        }
        signIn.onEvent(SignInEvent.PasswordChanged(Secret(PASSWORD)))
        signIn.onEvent(SignInEvent.Submit)
        eventually("signed in") { signIn.state.value.signedInAs?.takeIf { it == user } }
        return phone.sessions.activeSession.value ?: error("no active session after sign-in")
    }

    /** The recovery screen of a new phone: the key makes it cross-signed. */
    private suspend fun recover(session: UserSession, key: String) {
        val recovery = RecoveryPresenter(scope, session.trust, pollMillis = 200)
        eventually("the recovery screen asks for the key") { recovery.state.value.takeIf { it.recovery == RecoveryState.INCOMPLETE } }
        recovery.onEvent(RecoveryEvent.KeyChanged(Secret(key)))
        recovery.onEvent(RecoveryEvent.SubmitKey)
        val done = eventually("the key accepted") { recovery.state.value.takeIf { it.recovered || it.error != null } }
        assertEquals(null, done.error)
        assertTrue(session.trust.isThisDeviceVerified(), "the phone is cross-signed")
    }
}

private fun CaseState.messages() = items.filterIsInstance<TimelineEntry.Message>()

private fun CaseState.texts() = messages().mapNotNull { (it.content as? MessageContent.Text)?.body }
