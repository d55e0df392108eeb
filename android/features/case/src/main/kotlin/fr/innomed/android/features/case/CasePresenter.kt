package fr.innomed.android.features.case

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.CaseService
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.ConversationService
import fr.innomed.android.api.conversation.ConversationUnavailableException
import fr.innomed.android.api.conversation.DocumentViewer
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.requests.Advice
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestService
import fr.innomed.android.architecture.Presenter
import java.io.File
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.distinctUntilChanged
import kotlinx.coroutines.flow.getAndUpdate
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * One case: its conversation (header card, messages, photos, documents, advice card), the
 * composer, the camera and files to send, inviting a colleague, and the actions the core allows the doctor now (with why a
 * request waits, and its deadline). The status and the core's decision are read again whenever
 * the case's row changes in the live list, whenever its conversation changes, and after every action;
 * on the requesting GP's device, with the next step of the request's routing; on the specialist's
 * who took it, with the number the GP asked to be called back on.
 *
 * @param discardPhoto deletes a camera file, or a picked file's copy, of the app's private
 *   storage once the core has read it.
 * @param viewer opens a received document, saved by the core, in the phone's viewer.
 */
class CasePresenter(
    private val scope: CoroutineScope,
    private val roomId: RoomId,
    private val cases: CaseService,
    private val conversations: ConversationService,
    private val requests: RequestService,
    discardPhoto: (File) -> Unit,
    viewer: DocumentViewer,
    /** Where the invite dialog finds colleagues by name; null: by id only. */
    directory: DirectoryService? = null,
) : Presenter<CaseState, CaseEvent> {
    private val mutableState = MutableStateFlow(CaseState(roomId = roomId))
    override val state: StateFlow<CaseState> = mutableState.asStateFlow()
    private val photos = CasePhotos(scope, roomId, conversations, discardPhoto, mutableState)
    private val files = CaseFiles(scope, roomId, conversations, viewer, discardPhoto, mutableState)
    private val handover = CaseHandover(scope, roomId, cases, mutableState, ::derive) {
        // Handed over: what was sent before, shared with the taker now, comes with the history.
        scope.launch { conversations.loadHistory(roomId) }
    }
    private var conversationJob: Job? = null
    /** Membership lines in the conversation when the members were last checked; -1: check again. */
    @Volatile private var membershipsChecked = -1
    /** The latest check: an older answer arriving late does not replace a newer one. */
    private val memberCheck = AtomicInteger()

    /** The latest read of the core's decision, likewise. */
    private val allowedRead = AtomicInteger()
    private val invite = CaseInvite(scope, roomId, cases, directory, mutableState)
    private val nextStep = CaseNextStep(scope, roomId, requests, directory, mutableState)
    private val callBack = CaseCallBack(scope, roomId, requests, mutableState)
    private val confirmation = CaseConfirmation(scope, roomId, cases, mutableState) {
        membershipsChecked = -1
        checkMembers(mutableState.value.items)
        refresh()
    }

    init {
        scope.launch {
            cases.cases
                .map { rows -> rows.find { it.roomId == roomId } }
                .distinctUntilChanged()
                .collect { refresh() }
        }
    }

    override fun onEvent(event: CaseEvent) {
        when (event) {
            is CaseEvent.ComposerChanged -> mutableState.update { it.copy(composer = event.text) }
            is CaseEvent.ReplyTo -> mutableState.update { it.copy(replyingTo = event.eventId) }
            CaseEvent.CancelReply -> mutableState.update { it.copy(replyingTo = null) }
            is CaseEvent.StartEdit -> startEdit(mutableState, event.message)
            CaseEvent.CancelEdit -> cancelEdit(mutableState)
            CaseEvent.Send -> sendComposer(scope, roomId, conversations, mutableState)
            is CaseEvent.SetMuted -> setMuted(event.muted)
            is CaseEvent.Act -> act(event.action)
            is CaseEvent.AdviceChanged -> mutableState.update { it.copy(advice = event.draft) }
            is CaseEvent.OutcomeChanged -> mutableState.update { it.copy(outcome = event.text) }
            CaseEvent.DismissError -> mutableState.update { it.copy(error = null) }
            is CaseEvent.ShowThumbnail -> photos.showThumbnail(event.message)
            is CaseEvent.OpenPhoto -> photos.open(event.message)
            CaseEvent.ClosePhoto -> photos.close()
            is CaseEvent.SendPhoto -> photos.send(event.file)
            is CaseFilesEvent -> files.onEvent(event)
            is CaseCallBackEvent -> callBack.onEvent(event)
            CaseEvent.OpenInvite -> invite.open()
            is CaseEvent.InviteeChanged -> invite.idChanged(event.userId)
            is CaseEvent.InviteSearchChanged -> invite.queryChanged(event.query)
            is CaseEvent.InviteePicked -> invite.picked(event.entry)
            CaseEvent.SendInvite -> invite.send()
            CaseEvent.CloseInvite -> invite.close()
            CaseEvent.OpenMembers -> mutableState.update { it.copy(membersShown = true) }
            CaseEvent.CloseMembers -> mutableState.update { it.copy(membersShown = false) }
            is CaseEvent.VerifyMember -> mutableState.update {
                it.copy(membersShown = false, verifying = MemberToVerify(event.userId, it.nameOf(event.userId)))
            }
            CaseEvent.VerificationOpened -> mutableState.update { it.copy(verifying = null) }
            is CaseEvent.OpenReport -> mutableState.update { s -> s.copy(reportRequest = s.report?.let { ReportRequest(it.pdfPath, event.share) }) }
            CaseEvent.ReportHandled -> mutableState.update { it.copy(reportRequest = null) }
            is CaseEvent.ConfirmMember -> confirmation.confirm(event.userId)
            is CaseEvent.AcknowledgeIdentityChange -> acknowledgeIdentityChanges(scope, roomId, conversations, mutableState, event.users)
        }
    }

    private suspend fun refresh() {
        when (val found = cases.details(roomId)) {
            is Outcome.Success -> {
                mutableState.update { derive(it.copy(details = found.value)) }
                readAllowed()
                if (found.value.membership == Membership.JOINED) followConversation()
            }
            is Outcome.Failure -> mutableState.update { it.copy(error = CaseScreenError.Case(found.error)) }
        }
    }

    /**
     * What the core allows now (role, actions, hand-over wait, deadline): shown as it comes. A
     * failed read keeps the last answer and is tried again at the next refresh; it is shown as an
     * error only while there is no answer yet.
     */
    private suspend fun readAllowed() {
        val read = allowedRead.incrementAndGet()
        val found = cases.allowedActions(roomId)
        if (read != allowedRead.get()) return
        when (found) {
            is Outcome.Success -> {
                val before = mutableState.getAndUpdate { it.copy(allowed = found.value) }.allowed
                handover.onAllowed(before, found.value)
                nextStep.onAllowed(found.value)
                callBack.onAllowed(found.value)
            }
            is Outcome.Failure -> mutableState.update {
                if (it.allowed == null) it.copy(error = CaseScreenError.Case(found.error)) else it
            }
        }
    }

    /**
     * What the conversation gives the screen. The header (and so who asked) is kept once seen:
     * after a sync gap the conversation restarts from the newest event. Before the header can be read, the
     * brief names who asked.
     */
    private fun derive(state: CaseState): CaseState {
        val headerMessage = state.items.firstNotNullOfOrNull { item ->
            (item as? ConversationItem.Message)?.message?.takeIf { it.kind is MessageKind.Header }
        }
        return state.copy(
            header = (headerMessage?.kind as? MessageKind.Header)?.header ?: state.header,
            requester = headerMessage?.sender ?: state.requester ?: state.brief?.requester,
        )
    }

    private fun followConversation() {
        if (conversationJob?.isActive == true) return
        conversationJob = scope.launch {
            // What was sent before the doctor joined comes with the history.
            launch { conversations.loadHistory(roomId) }
            launch { photos.followUploads() }
            try {
                var newest: ConversationItem? = null
                conversations.items(roomId).collect { items ->
                    val before = mutableState.value.items.size
                    mutableState.update { derive(it.copy(items = items)) }
                    checkMembers(items)
                    // Restarted after a gap: bring the earlier messages back.
                    if (items.size < before) launch { conversations.loadHistory(roomId) }
                    if (items.lastOrNull() != newest) {
                        newest = items.lastOrNull()
                        conversations.markRead(roomId)
                        // An advice, a claim or a closure changes the status too.
                        refresh()
                    }
                }
            } catch (e: ConversationUnavailableException) {
                mutableState.update { it.copy(error = CaseScreenError.Conversation(e.error)) }
            }
        }
    }

    /**
     * Asks who is in the case (by name) and who nobody can vouch for when the case is first
     * shown and whenever a membership line comes or goes (a join, a forced join, an invitation).
     * A failed check keeps the last lists and is tried again at the next conversation update.
     */
    private fun CoroutineScope.checkMembers(items: List<ConversationItem>) {
        val memberships = items.count { (it as? ConversationItem.Message)?.message?.kind is MessageKind.Membership }
        if (memberships == membershipsChecked) return
        membershipsChecked = memberships
        val check = memberCheck.incrementAndGet()
        launch {
            val found = cases.unvouchedMembers(roomId)
            if (check != memberCheck.get()) return@launch
            when (found) {
                is Outcome.Success -> mutableState.update { it.copy(unvouched = found.value) }
                is Outcome.Failure -> membershipsChecked = -1
            }
        }
        launch {
            val found = cases.members(roomId)
            if (check != memberCheck.get()) return@launch
            when (found) {
                is Outcome.Success -> mutableState.update { it.copy(members = found.value) }
                is Outcome.Failure -> membershipsChecked = -1
            }
        }
    }

    /** Mutes the case or lets it ring again; the details are read back from the core. */
    private fun setMuted(muted: Boolean) {
        if (mutableState.value.muting) return
        mutableState.update { it.copy(muting = true, error = null) }
        scope.launch {
            val error = cases.setMuted(roomId, muted).caseError()
            refresh()
            mutableState.update { it.copy(muting = false, error = error ?: it.error) }
        }
    }

    private fun act(action: CaseAction) {
        val current = mutableState.value
        if (current.busy != null || action !in current.barActions) return
        val checked = when (action) {
            CaseAction.ADVISE -> CaseScreenError.AdviceIncomplete.takeUnless { current.advice.isComplete }
            CaseAction.CLOSE_WITH_REPORT -> CaseScreenError.OutcomeMissing.takeIf { current.outcome.isBlank() }
            else -> null
        }
        if (checked != null) {
            mutableState.update { it.copy(error = checked) }
            return
        }
        mutableState.update { it.copy(busy = action, error = null) }
        scope.launch {
            val error = run(action, current)
            mutableState.update { it.copy(busy = null, error = error) }
            refresh()
        }
    }

    /** Runs one action; the error to show, or null. */
    private suspend fun run(action: CaseAction, current: CaseState): CaseScreenError? = when (action) {
        CaseAction.ACCEPT -> cases.accept(roomId).caseError()
        CaseAction.DECLINE -> cases.decline(roomId).caseError().also { error ->
            if (error == null) mutableState.update { it.copy(left = true) }
        }
        CaseAction.MARK_ANSWERED -> cases.setStatus(roomId, CaseStatus.ANSWERED).caseError()
        CaseAction.CLOSE -> cases.setStatus(roomId, CaseStatus.CLOSED).caseError()
        CaseAction.TAKE -> requests.take(roomId).requestError()
        CaseAction.ADVISE -> {
            val draft = current.advice
            val advice = Advice(draft.assessment.trim(), draft.recommendation.trim(), draft.inPerson)
            requests.sendAdvice(roomId, advice).requestError().also { error ->
                if (error == null) mutableState.update { it.copy(advice = AdviceDraft()) }
            }
        }
        CaseAction.CLOSE_WITH_REPORT -> when (val closed = requests.closeWithReport(roomId, current.outcome.trim())) {
            is Outcome.Success -> null.also { mutableState.update { it.copy(report = closed.value, outcome = "") } }
            is Outcome.Failure -> CaseScreenError.Request(closed.error)
        }
        // Not on the action bar: the composer, the invite dialog, the unvouched members' banner.
        CaseAction.WRITE, CaseAction.INVITE, CaseAction.REMOVE, CaseAction.CONFIRM_MEMBER -> null
    }
}

private fun Outcome<Unit, CaseError>.caseError() =
    (this as? Outcome.Failure)?.let { CaseScreenError.Case(it.error) }

private fun Outcome<Unit, RequestError>.requestError() =
    (this as? Outcome.Failure)?.let { CaseScreenError.Request(it.error) }
