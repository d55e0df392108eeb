package fr.innomed.android.uicheck

import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.test.ComposeTimeoutException
import androidx.compose.ui.test.SemanticsNodeInteraction
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.printToString
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.HandoverWait
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.cases.Unvouched
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.requests.Advice
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.features.case.CasePresenter
import fr.innomed.android.features.case.CaseView
import fr.innomed.android.features.caselist.CaseListPresenter
import fr.innomed.android.features.caselist.CaseListView
import fr.innomed.android.features.newrequest.NewRequestPresenter
import fr.innomed.android.features.newrequest.NewRequestView
import fr.innomed.android.test.FakeCaseService
import fr.innomed.android.test.FakeConversationService
import fr.innomed.android.test.FakeDirectoryService
import fr.innomed.android.test.FakeDocumentViewer
import fr.innomed.android.test.FakeRequestService
import fr.innomed.android.test.FakeSearchService
import fr.innomed.android.ui.theme.InnomedTheme
import fr.innomed.android.uicheck.ClinicalData.DERM
import fr.innomed.android.uicheck.ClinicalData.GP
import org.junit.Rule
import org.junit.Test
import kotlin.test.assertEquals

/**
 * The GP's and the specialist's journeys clicked through the real views and presenters, as a
 * doctor taps them (French words on the buttons), against the fakes of `libraries/test` standing
 * in for the core: what each tap asks of the core is asserted, and what the core answers next is
 * what the screen shows next.
 */
class JourneysTest {
    @get:Rule
    val rule = createComposeRule()

    private val cases = FakeCaseService()
    private val conversations = FakeConversationService()
    private val requests = FakeRequestService()
    private val directory = FakeDirectoryService(ClinicalData.specialties)
    private val search = FakeSearchService()
    private val room = ClinicalData.room

    /** What the core decides for the doctor on the case now; the fakes answer it. */
    private var decided = CaseActions(CaseRole.OUTSIDE, emptySet())
    private var membership = Membership.JOINED
    private var unvouched = emptyList<UnvouchedMember>()

    private fun scriptCase() {
        cases.detailsResult = {
            Outcome.Success(CaseDetails(room, "IM-3F8LZ2", membership, ClinicalData.details(CaseStatus.ACCEPTED).statusInfo.takeIf { membership == Membership.JOINED }))
        }
        cases.allowedResult = { Outcome.Success(decided) }
        cases.unvouchedResult = { Outcome.Success(unvouched) }
        cases.membersResult = { Outcome.Success(ClinicalData.members.take(2)) }
        cases.briefResult = { Outcome.Success(ClinicalData.brief) }
        requests.nextStepResult = { Outcome.Success(null) }
        requests.callBackResult = { Outcome.Success(null) }
        conversations.sendResult = { Outcome.Done }
        conversations.fetchPhotoResult = { Outcome.Success(ClinicalData.lesionImage) }
    }

    @Composable
    private fun Case() {
        val scope = rememberCoroutineScope()
        val presenter = remember { CasePresenter(scope, room, cases, conversations, requests, discardPhoto = {}, viewer = FakeDocumentViewer()) }
        val state by presenter.state.collectAsState()
        CaseView(state, presenter::onEvent, ClinicalData.specialties, onTakePhoto = {}, onAttachFiles = {})
    }

    private fun show(content: @Composable () -> Unit) = rule.setContent { InnomedTheme(darkTheme = false) { content() } }

    /** Waits for [text] on screen; on timeout, the failure shows what the screen has instead. */
    private fun ComposeContentTestRule.waitFor(text: String) {
        try {
            waitUntil(timeoutMillis = 5_000) { onAllNodes(hasText(text, substring = true)).fetchSemanticsNodes().isNotEmpty() }
        } catch (timeout: ComposeTimeoutException) {
            throw AssertionError("\"$text\" not shown; the screen:\n" + onRoot().printToString(), timeout)
        }
    }

    /** Scrolled into view first where the screen scrolls (a form), as a thumb would. */
    private fun SemanticsNodeInteraction.inView(): SemanticsNodeInteraction = apply { runCatching { performScrollTo() } }

    private fun ComposeContentTestRule.tap(text: String) = onNode(hasText(text) and hasClickAction()).inView().performClick()

    private fun ComposeContentTestRule.type(label: String, text: String) =
        onNode(hasSetTextAction() and hasText(label, substring = true)).inView().performTextInput(text)

    @Test
    fun `a GP asks the dermatologist on duty, then confirms the one who took it and writes to her`() {
        directory.onDutyResult = { Outcome.Success(listOf(ClinicalData.derm)) }
        requests.openResult = { Outcome.Success(room) }
        scriptCase()
        decided = CaseActions(CaseRole.REQUESTER, setOf(CaseAction.CONFIRM_MEMBER), handover = HandoverWait.CONFIRM_TAKER)
        unvouched = listOf(UnvouchedMember(DERM, Unvouched.NOT_CONFIRMED))
        conversations.itemsOf(room).value = ClinicalData.conversation(GP, withAdvice = false).take(3)
        cases.confirmResult = { _, _ ->
            decided = CaseActions(CaseRole.REQUESTER, setOf(CaseAction.WRITE))
            unvouched = emptyList()
            Outcome.Done
        }
        var opened by mutableStateOf<RoomId?>(null)
        show {
            when (opened) {
                null -> {
                    val scope = rememberCoroutineScope()
                    val presenter = remember { NewRequestPresenter(scope, requests, directory) {} }
                    val state by presenter.state.collectAsState()
                    NewRequestView(state, presenter::onEvent, onTakePhoto = {})
                    state.created?.let { opened = it }
                }
                else -> Case()
            }
        }

        rule.tap("Dermatologie et vénéréologie")
        rule.waitFor("De garde : Dr Samira Benali")
        rule.tap("Sous 48 h")
        rule.type("Numéro pour vous rappeler", "06 12 34 56 78")
        rule.type("Patient (initiales ou pseudonyme)", "M.D.")
        rule.tap("Adulte")
        rule.tap("Femme")
        rule.type("Motif", ClinicalData.lesionHeader.reason)
        rule.type("Question", ClinicalData.lesionHeader.question)
        rule.tap("Le patient accepte l'envoi de photos")
        rule.tap("Le patient consent à la télé-expertise")
        rule.tap("Envoyer la demande")

        rule.waitFor("confirmez-le")
        val request = requests.opened.all.single()
        assertEquals("dermatology", request.specialty)
        assertEquals(Urgency.SOON, request.urgency)
        assertEquals(ClinicalData.lesionHeader.copy(patientLabel = "M.D."), request.header)
        assertEquals(true, request.patientConsent)
        assertEquals("06 12 34 56 78", request.callBack)

        // The specialist who took it is named, and the GP confirms her from the warning.
        rule.waitFor("Dr Samira Benali : ni vérifié par vous")
        rule.tap("Confirmer")
        rule.waitUntil(5_000) { cases.confirmed.all.isNotEmpty() }
        assertEquals(room to DERM, cases.confirmed.last)
        rule.waitFor("Message")
        rule.type("Message", "Merci, je vous envoie une autre photo.")
        rule.tap("Envoyer")
        rule.waitUntil(5_000) { conversations.sent.all.isNotEmpty() }
        assertEquals("Merci, je vous envoie une autre photo.", conversations.sent.last?.markdown)
    }

    @Test
    fun `a dermatologist on duty opens a request from her list, takes it and advises`() {
        cases.rows.value = listOf(ClinicalData.caseList.first().copy(roomId = room))
        scriptCase()
        membership = Membership.INVITED
        decided = CaseActions(CaseRole.INVITED, setOf(CaseAction.TAKE, CaseAction.DECLINE), handover = HandoverWait.NOT_TAKEN)
        requests.takeResult = {
            membership = Membership.JOINED
            decided = CaseActions(CaseRole.TAKER, setOf(CaseAction.WRITE, CaseAction.ADVISE))
            conversations.itemsOf(room).value = ClinicalData.conversation(DERM, withAdvice = false)
            Outcome.Done
        }
        requests.adviceResult = { _, _ -> Outcome.Done }
        requests.callBackResult = { Outcome.Success(CallBackScreens.number) }
        requests.recordCallResult = { Outcome.Done }
        var opened by mutableStateOf<RoomId?>(null)
        show {
            when (opened) {
                null -> {
                    val scope = rememberCoroutineScope()
                    val presenter = remember { CaseListPresenter(scope, cases, search) }
                    val state by presenter.state.collectAsState()
                    CaseListView(state, presenter::onEvent, ClinicalData.specialties, { opened = it }, {}, {}, {}, {})
                }
                else -> Case()
            }
        }

        // The list names who asks and what; nothing of the patient but age band and sex.
        rule.waitFor("Invitation de Dr Gilles Martin")
        rule.waitFor("Patient : Adulte, Femme")
        rule.tap("Voir la demande")
        rule.waitFor("Exérèse à programmer ou surveillance ?")
        rule.tap("Prendre en charge")
        rule.waitUntil(5_000) { requests.taken.all.isNotEmpty() }
        assertEquals(room, requests.taken.last)

        // The GP asked to be called back: one tap opens the dialer and records the call in the case.
        rule.waitFor("Rappeler le 06 12 34 56 78")
        rule.tap("Rappeler le 06 12 34 56 78")
        rule.waitUntil(5_000) { requests.callsRecorded.all.isNotEmpty() }
        assertEquals(listOf(room), requests.callsRecorded.all)

        // Handed over: the history from its first message (the patient label), and the advice form.
        rule.waitFor("Analyse")
        rule.waitFor("M.D. · Adulte · Femme")
        rule.type("Analyse", ClinicalData.advice.assessment)
        rule.type("Conduite à tenir", ClinicalData.advice.recommendation)
        rule.tap("Consultation sous 48 h")
        rule.tap("Envoyer l'avis")
        rule.waitUntil(5_000) { requests.advised.all.isNotEmpty() }
        assertEquals(room to Advice(ClinicalData.advice.assessment, ClinicalData.advice.recommendation, InPerson.WITHIN_48H), requests.advised.last)
        assertEquals(emptyList(), cases.accepted.all, "a request is taken, not accepted as an invitation")
    }
}
