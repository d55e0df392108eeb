package fr.innomed.android.journey

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.Secret
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.cases.HandoverWait
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.PhotoSize
import fr.innomed.android.api.push.NotificationKind
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.api.session.SignInError
import fr.innomed.android.api.session.UserSession
import fr.innomed.android.api.trust.RecoveryStatus
import fr.innomed.android.features.case.AdviceDraft
import fr.innomed.android.features.case.CaseEvent
import fr.innomed.android.features.case.CasePresenter
import fr.innomed.android.features.case.CaseState
import fr.innomed.android.features.case.PhotoLoad
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
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.job
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The journey on the real Synapse, through the app's presenters, the Rust-backed services and
 * the real bindings. A GP and a dermatologist sign in on their phones (new devices of accounts
 * that have a recovery key, in a CPTS where she is on duty); the GP sends a télé-expertise
 * request with a camera photo, and cannot write into it yet; she sees the invitation at the top
 * of her list with the brief (the question, no patient label), opens it and takes it; once the
 * GP's phone has handed the case over, she reads the header, sees the photo's thumbnail then the
 * full image, reads the GP's message and advises; the GP reads the advice and closes the case
 * with a report written on his phone.
 */
class RequestJourneyTest {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    @Test
    fun `a GP's request reaches the dermatologist on duty, who reads its brief, takes it, reads it once handed over and answers it`() = runBlocking {
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
            val form = NewRequestPresenter(scope, gp.requests, gp.directory, discardPhoto = { it.delete() })
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
            // The lesion, from the camera into the app's private folder; consent to photos.
            val capture = cameraJpeg(gpPhone.photos)
            form.onEvent(NewRequestEvent.PhotoTaken(capture))
            form.onEvent(NewRequestEvent.PhotoConsentChanged(true))
            form.onEvent(NewRequestEvent.Submit)
            val roomId = eventually("the request opened with its photo") {
                form.state.value.let { state ->
                    state.error?.let { error("request refused: $it") }
                    state.created
                }
            }
            assertFalse(capture.exists(), "the camera file is deleted once the request is sent")

            // Nobody writes into the request before a specialist takes it; its deadline runs (the core's).
            val gpCase = CasePresenter(scope, roomId, gp.cases, gp.conversations, gp.requests, discardPhoto = { it.delete() }, viewer = { false })
            eventually("the GP's case screen, waiting for a specialist, on time") {
                gpCase.state.value.takeIf {
                    it.role == CaseRole.REQUESTER && it.handover == HandoverWait.NOT_TAKEN && !it.composerEnabled &&
                        it.deadline?.state == DeadlineState.ON_TIME
                }
            }

            // Her list: the invitation first. Its row carries the brief once the list is read
            // again after the brief came (the live list follows room updates; the brief comes to
            // her devices beside them): then it is the GP's question, and nothing of the patient.
            val list = CaseListPresenter(scope, derm.cases, derm.search)
            val invitation = eventually("the invitation first in the list") {
                list.state.value.rows.firstOrNull()?.takeIf { it.roomId == roomId && it.isInvitation }
            }
            assertEquals(gpUser, invitation.inviter)
            invitation.brief?.let { assertEquals("Exérèse ? $secret" to gpUser, it.question to it.requester) }
            assertFalse("P.$secret" in invitation.toString() || "Lésion $secret" in invitation.toString(), "no patient label nor reason")

            // The invited request's screen: the brief (no header), then she takes it.
            val case = CasePresenter(scope, roomId, derm.cases, derm.conversations, derm.requests, discardPhoto = { it.delete() }, viewer = { false })
            val invited = eventually("the brief on the invited request, to take") {
                case.state.value.takeIf { it.brief?.question == "Exérèse ? $secret" && CaseAction.TAKE in it.actions }
            }
            assertEquals(gpUser, invited.brief?.requester)
            assertEquals(null, invited.header, "nothing of the case before the take")
            case.onEvent(CaseEvent.Act(CaseAction.TAKE))
            // The GP verified neither her nor the coordinator: his screen asks him to confirm her,
            // then his phone hands the case over; she reads it, header and photo.
            eventually("the GP asked to confirm the taker") {
                gpCase.state.value.takeIf { it.handover == HandoverWait.CONFIRM_TAKER && it.canConfirm }
            }
            gpCase.onEvent(CaseEvent.ConfirmMember(dermUser))
            eventually("she took it, the case handed over to her") {
                case.state.value.takeIf {
                    it.role == CaseRole.TAKER && it.handover == null && it.composerEnabled && it.header != null &&
                        it.barActions == listOf(CaseAction.ADVISE)
                }
            }
            assertEquals("Exérèse ? $secret", case.state.value.header?.question)
            assertEquals("P.$secret", case.state.value.header?.patientLabel)
            readPhoto(case, derm, roomId, gpUser)

            // Handed over: the GP writes, she reads it.
            eventually("the GP may write") { gpCase.state.value.takeIf { it.handover == null && it.composerEnabled } }
            gpCase.onEvent(CaseEvent.ComposerChanged("Lésion depuis 3 mois $secret"))
            gpCase.onEvent(CaseEvent.Send)
            eventually("the message queued") { gpCase.state.value.takeIf { !it.sending && it.composer.isEmpty() } }
                .also { assertEquals(null, it.error) }
            val message = eventually("the GP's message decrypted on her phone") {
                case.state.value.messages().firstOrNull { (it.kind as? MessageKind.Text)?.body == "Lésion depuis 3 mois $secret" }
            }
            assertEquals(gpUser, message.sender)
            pushWhileRunning(derm, roomId, message.eventId ?: error("the GP's message has no event id"), secret)

            case.onEvent(CaseEvent.AdviceChanged(AdviceDraft("Kératose séborrhéique $secret", "Surveillance", InPerson.NOT_NEEDED)))
            case.onEvent(CaseEvent.Act(CaseAction.ADVISE))
            eventually("the advice sent") { case.state.value.takeIf { it.busy == null && it.advice == AdviceDraft() } }
                .also { assertEquals(null, it.error) }

            // The GP reads the advice card and closes the case; the report stays on his phone.
            eventually("the advice on the GP's phone, and closing offered") {
                gpCase.state.value.takeIf { state ->
                    state.barActions == listOf(CaseAction.CLOSE_WITH_REPORT) &&
                        state.messages().any { (it.kind as? MessageKind.AdviceCard)?.advice?.assessment == "Kératose séborrhéique $secret" }
                }
            }
            gpCase.onEvent(CaseEvent.OutcomeChanged("Surveillance par le médecin traitant"))
            gpCase.onEvent(CaseEvent.Act(CaseAction.CLOSE_WITH_REPORT))
            val report = eventually("the report") {
                gpCase.state.value.let { it.error?.let { e -> error("closing refused: $e") } ?: it.report }
            }
            assertTrue(File(report.pdfPath).readBytes().decodeToString(0, 5) == "%PDF-")
            assertTrue("Exérèse ? $secret" in File(report.jsonPath).readText())

            // The app closed, a push comes for the same message: the saved account is reopened
            // for it alone (once the closed app's objects are freed), then left free for the app.
            scope.coroutineContext.job.children.forEach { it.cancelAndJoin() }
            dermPhone.sessions.shutdown()
            val woken = eventually("the push decrypted with the app closed") {
                dermPhone.sessions.withPushSession { it.notification(roomId, message.eventId!!) }
            }
            assertEquals(NotificationKind.MESSAGE, (woken as? Outcome.Success)?.value?.kind, "push with the app closed: $woken")
            assertTrue(dermPhone.sessions.restore() is Outcome.Success, "the account reopens after the push")
        } finally {
            scope.cancel()
            gpPhone.sessions.shutdown()
            dermPhone.sessions.shutdown()
        }
    }

    /**
     * The GP's photo on her phone: the thumbnail first when it is shown, the full image on
     * tap, both decrypted here; and the same full image through the API.
     */
    private suspend fun readPhoto(case: CasePresenter, derm: UserSession, roomId: RoomId, gpUser: UserId) {
        val photo = eventually("the photo in her conversation") {
            case.state.value.messages().firstOrNull { it.kind is MessageKind.Photo && it.key != null }
        }
        assertEquals(gpUser, photo.sender)
        val key = photo.key!!
        case.onEvent(CaseEvent.ShowThumbnail(photo))
        val thumbnail = eventually("the thumbnail") { case.state.value.photos.thumbnails[key]?.takeUnless { it == PhotoLoad.Loading } }
        val thumbBytes = (thumbnail as? PhotoLoad.Loaded)?.image?.bytes ?: error("thumbnail: $thumbnail")
        val (thumbWidth, thumbHeight) = dimensions(thumbBytes)
        assertTrue(thumbWidth < 640 && thumbHeight < 480, "a thumbnail smaller than the photo: $thumbWidth×$thumbHeight")

        case.onEvent(CaseEvent.OpenPhoto(photo))
        val full = eventually("the full image") { case.state.value.photos.viewer?.full?.takeUnless { it == PhotoLoad.Loading } }
        val fullBytes = (full as? PhotoLoad.Loaded)?.image?.bytes ?: error("full image: $full")
        assertEquals(640 to 480, dimensions(fullBytes))
        case.onEvent(CaseEvent.ClosePhoto)

        val again = derm.conversations.fetchPhoto(roomId, photo.ref!!, PhotoSize.FULL)
        assertEquals(640 to 480, dimensions((again as? Outcome.Success)?.value?.bytes ?: error("fetchPhoto: $again")))
    }

    /** A push for the GP's message while her app runs: decrypted by the running session, content-free lines. */
    private suspend fun pushWhileRunning(derm: UserSession, roomId: RoomId, eventId: EventId, secret: String) {
        val pushed = derm.notification(roomId, eventId)
        val notification = (pushed as? Outcome.Success)?.value ?: error("notification: $pushed")
        assertEquals(NotificationKind.MESSAGE, notification.kind)
        assertEquals(roomId, notification.roomId)
        assertTrue(notification.caseCode in notification.lockScreenFr, "the lock screen names the case by its code")
        assertFalse(secret in notification.lockScreenFr + notification.lockScreenEn, "no content on the lock screen")
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
        eventually("the recovery screen asks for the key") { recovery.state.value.takeIf { it.recovery == RecoveryStatus.INCOMPLETE } }
        recovery.onEvent(RecoveryEvent.KeyChanged(Secret(key)))
        recovery.onEvent(RecoveryEvent.SubmitKey)
        val done = eventually("the key accepted") { recovery.state.value.takeIf { it.recovered || it.error != null } }
        assertEquals(null, done.error)
        assertTrue(session.trust.isThisDeviceVerified(), "the phone is cross-signed")
    }
}

private fun CaseState.messages() = items.filterIsInstance<ConversationItem.Message>().map { it.message }
