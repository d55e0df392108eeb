package fr.innomed.android.uicheck

import androidx.compose.runtime.Composable
import fr.innomed.android.api.DeviceId
import fr.innomed.android.api.Secret
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.SendState
import fr.innomed.android.api.cpts.JoinRequest
import fr.innomed.android.api.cpts.JoinRequestError
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.requests.ClosedCase
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.api.session.SignInError
import fr.innomed.android.api.trust.RecoveryStatus
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.features.careteam.CareTeamState
import fr.innomed.android.features.careteam.CareTeamView
import fr.innomed.android.features.colleaguecase.ColleagueCaseState
import fr.innomed.android.features.colleaguecase.ColleagueCaseView
import fr.innomed.android.features.colleaguecase.RefusedInvitation
import fr.innomed.android.features.case.AdviceDraft
import fr.innomed.android.features.case.InviteDialog
import fr.innomed.android.features.case.PhotoViewer
import fr.innomed.android.features.directory.DirectoryState
import fr.innomed.android.features.directory.DirectoryView
import fr.innomed.android.features.directory.EntryDraft
import fr.innomed.android.api.directory.EntryProblem
import fr.innomed.android.features.directory.RotaState
import fr.innomed.android.features.directory.RotaView
import fr.innomed.android.features.directory.SlotDraft
import fr.innomed.android.api.directory.SlotProblem
import fr.innomed.android.api.directory.Weekday
import fr.innomed.android.features.membership.Approval
import fr.innomed.android.features.membership.MembershipState
import fr.innomed.android.features.membership.MembershipView
import fr.innomed.android.features.newrequest.NewRequestState
import fr.innomed.android.features.newrequest.NewRequestView
import fr.innomed.android.features.newrequest.OnDuty
import fr.innomed.android.features.newrequest.RequestField
import fr.innomed.android.features.recovery.RecoveryScreenState
import fr.innomed.android.features.recovery.RecoveryView
import fr.innomed.android.features.settings.SettingsState
import fr.innomed.android.features.settings.SettingsView
import fr.innomed.android.features.signin.SignInState
import fr.innomed.android.features.signin.SignInView
import fr.innomed.android.features.verification.VerificationPhase
import fr.innomed.android.features.verification.VerificationScreenState
import fr.innomed.android.features.verification.VerificationView
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.Deadline
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.cases.HandoverWait
import fr.innomed.android.api.cases.Unvouched
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.android.features.case.CasePhotosState
import fr.innomed.android.features.case.CaseState
import fr.innomed.android.features.case.PhotoLoad
import fr.innomed.android.features.caselist.CaseFilter
import fr.innomed.android.features.caselist.CaseSearch
import fr.innomed.android.api.search.SearchError
import fr.innomed.android.api.search.SearchProgress
import fr.innomed.android.features.caselist.CaseListState
import fr.innomed.android.features.caselist.CaseListView
import fr.innomed.android.features.case.CaseView
import fr.innomed.android.uicheck.ClinicalData.DERM
import fr.innomed.android.uicheck.ClinicalData.GP
import fr.innomed.android.uicheck.ClinicalData.DUE
import org.junit.AfterClass
import org.junit.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue

/**
 * Every screen of the Android app in the states a doctor meets, drawn in French and English,
 * light and dark, and compared with the committed reference images (see [Screenshots]). The
 * states are the presenters' own state classes, filled with [ClinicalData].
 */
class ScreensTest {
    private fun screens(vararg states: Pair<String, @Composable () -> Unit>) {
        val failures = states.flatMap { (name, content) -> Screenshots.check(name, content) }
        ran++
        assertTrue(failures.isEmpty(), failures.joinToString("\n"))
    }

    @Test
    fun signIn() = screens(
        "sign-in" to { SignInView(SignInState(), {}) },
        "sign-in-refused" to {
            SignInView(
                SignInState(
                    homeserverUrl = "https://matrix.cpts-val-essai.fr",
                    userId = "@dr.martin:cpts-val-essai.fr",
                    password = Secret("secret"),
                    error = SignInError.WrongCredentials,
                ),
                {},
            )
        },
        "sign-in-psc-waiting" to { SignInView(SignInState(homeserverUrl = "https://matrix.cpts-val-essai.fr", awaitingPsc = true), {}) },
    )

    @Test
    fun caseList() {
        val list = CaseListState(rows = ClinicalData.caseList, archived = ClinicalData.archive, loading = false)
        val searching = list.copy(search = CaseSearch(query = "exérèse", hits = ClinicalData.searchHits))
        screens(
            "case-list-loading" to { CaseListView(CaseListState(), {}, ClinicalData.specialties, {}, {}, {}, {}, {}) },
            "case-list-empty" to { CaseListView(CaseListState(loading = false), {}, ClinicalData.specialties, {}, {}, {}, {}, {}) },
            "case-list" to { CaseListView(list, {}, ClinicalData.specialties, {}, {}, {}, {}, {}) },
            "case-list-overdue" to { CaseListView(list.copy(filter = CaseFilter.OVERDUE), {}, ClinicalData.specialties, {}, {}, {}, {}, {}) },
            "case-list-offline" to {
                CaseListView(list.copy(error = CaseError.HomeserverUnreachable), {}, ClinicalData.specialties, {}, {}, {}, {}, {})
            },
            "case-list-waiting" to { CaseListView(list.copy(filter = CaseFilter.WAITING_FOR_ME), {}, ClinicalData.specialties, {}, {}, {}, {}, {}) },
            "case-list-archive" to {
                CaseListView(list.copy(filter = CaseFilter.ARCHIVED, archivedOld = 2), {}, ClinicalData.specialties, {}, {}, {}, {}, {})
            },
            "case-list-search" to { CaseListView(searching, {}, ClinicalData.specialties, {}, {}, {}, {}, {}) },
            "case-list-search-hint" to {
                CaseListView(list.copy(search = CaseSearch(query = "le", error = SearchError.NothingToSearch)), {}, ClinicalData.specialties, {}, {}, {}, {}, {})
            },
            "case-list-search-indexing" to {
                val indexing = searching.search.copy(hits = ClinicalData.searchHits.take(2), progress = SearchProgress(12, 40, done = false))
                CaseListView(searching.copy(search = indexing), {}, ClinicalData.specialties, {}, {}, {}, {}, {})
            },
        )
    }

    @Test
    fun newRequest() {
        val filled = NewRequestState(
            specialties = ClinicalData.specialties,
            specialty = "dermatology",
            urgency = Urgency.SOON,
            patientLabel = "M.D.",
            ageBand = AgeBand.ADULT,
            sex = Sex.FEMALE,
            reason = ClinicalData.lesionHeader.reason,
            question = ClinicalData.lesionHeader.question,
            photoConsent = true,
            consent = true,
            onDuty = OnDuty.Available(listOf(ClinicalData.derm)),
            callBack = "06 12 34 56 78",
        )
        screens(
            "new-request" to { NewRequestView(NewRequestState(specialties = ClinicalData.specialties), {}, {}) },
            "new-request-filled" to { NewRequestView(filled, {}, {}) },
            "new-request-nobody-on-duty" to {
                NewRequestView(filled.copy(onDuty = OnDuty.Nobody(listOf(ClinicalData.derm, ClinicalData.retiredDerm))), {}, {})
            },
            "new-request-call-back-invalid" to {
                NewRequestView(filled.copy(callBack = "06 12 34", invalidFields = setOf(RequestField.CALL_BACK)), {}, {})
            },
            "new-request-missing" to {
                NewRequestView(
                    NewRequestState(
                        specialties = ClinicalData.specialties,
                        invalidFields = setOf(RequestField.SPECIALTY, RequestField.PATIENT_LABEL, RequestField.QUESTION, RequestField.CONSENT),
                    ),
                    {}, {},
                )
            },
        )
    }

    @Test
    fun case() {
        val conversation = ClinicalData.conversation(GP, withAdvice = false)
        val photoKey = (conversation[2] as ConversationItem.Message).message.key!!
        val gp = CaseState(
            roomId = ClinicalData.room,
            details = ClinicalData.details(CaseStatus.ACCEPTED),
            header = ClinicalData.lesionHeader,
            requester = GP,
            items = conversation,
            members = ClinicalData.members.take(2),
            photos = CasePhotosState(thumbnails = mapOf(photoKey to PhotoLoad.Loaded(ClinicalData.lesionImage))),
            allowed = CaseActions(CaseRole.REQUESTER, setOf(CaseAction.WRITE), deadline = Deadline(DeadlineState.ON_TIME, DUE)),
        )
        val specialist = gp.copy(
            items = ClinicalData.conversation(DERM, withAdvice = false),
            allowed = CaseActions(CaseRole.TAKER, setOf(CaseAction.WRITE, CaseAction.ADVISE), deadline = Deadline(DeadlineState.DUE_SOON, DUE)),
            advice = AdviceDraft(assessment = ClinicalData.advice.assessment, inPerson = InPerson.WITHIN_48H),
        )
        screens(
            "case-requester" to { CaseView(gp, {}, ClinicalData.specialties, {}, {}) },
            "case-requester-advice" to {
                CaseView(
                    gp.copy(
                        details = ClinicalData.details(CaseStatus.ANSWERED),
                        items = ClinicalData.conversation(GP, withAdvice = true).drop(3),
                        allowed = CaseActions(CaseRole.REQUESTER, setOf(CaseAction.WRITE, CaseAction.CLOSE_WITH_REPORT), deadline = Deadline(DeadlineState.DONE, DUE)),
                        outcome = "Exérèse programmée le 2 décembre.",
                    ),
                    {}, ClinicalData.specialties, {}, {},
                )
            },
            "case-closed-report" to {
                CaseView(
                    gp.copy(
                        details = ClinicalData.details(CaseStatus.CLOSED),
                        items = ClinicalData.conversation(GP, withAdvice = true).drop(4),
                        allowed = CaseActions(CaseRole.REQUESTER, emptySet(), deadline = Deadline(DeadlineState.DONE, DUE)),
                        report = ClosedCase("/data/user/0/fr.innomed.app/files/reports/IM-3F8LZ2.pdf", "/data/user/0/fr.innomed.app/files/reports/IM-3F8LZ2.json"),
                    ),
                    {}, ClinicalData.specialties, {}, {},
                )
            },
            "case-specialist-advising" to { CaseView(specialist, {}, ClinicalData.specialties, {}, {}) },
            "case-routed-brief" to {
                CaseView(
                    CaseState(
                        roomId = ClinicalData.room,
                        details = CaseDetails(ClinicalData.room, "IM-7K2QX9", Membership.INVITED, null),
                        brief = ClinicalData.brief,
                        allowed = CaseActions(CaseRole.INVITED, setOf(CaseAction.TAKE, CaseAction.DECLINE), handover = HandoverWait.NOT_TAKEN),
                    ),
                    {}, ClinicalData.specialties, {}, {},
                )
            },
            "case-confirm-taker" to {
                CaseView(
                    gp.copy(
                        items = conversation.take(3),
                        allowed = CaseActions(CaseRole.REQUESTER, setOf(CaseAction.CONFIRM_MEMBER), handover = HandoverWait.CONFIRM_TAKER),
                        unvouched = listOf(UnvouchedMember(DERM, Unvouched.NOT_CONFIRMED)),
                    ),
                    {}, ClinicalData.specialties, {}, {},
                )
            },
            "case-members" to {
                CaseView(
                    gp.copy(
                        members = ClinicalData.members,
                        unvouched = listOf(UnvouchedMember(ClinicalData.NURSE, Unvouched.NOT_CONFIRMED)),
                        membersShown = true,
                    ),
                    {}, ClinicalData.specialties, {}, {},
                )
            },
            "case-invite" to {
                CaseView(
                    gp.copy(
                        allowed = CaseActions(CaseRole.REQUESTER, setOf(CaseAction.WRITE, CaseAction.INVITE)),
                        invite = InviteDialog(canSearch = true, query = "cœur", matches = listOf(ClinicalData.cardio)),
                    ),
                    {}, ClinicalData.specialties, {}, {},
                )
            },
            "case-invite-unknown" to {
                CaseView(
                    gp.copy(
                        allowed = CaseActions(CaseRole.REQUESTER, setOf(CaseAction.WRITE, CaseAction.INVITE)),
                        invite = InviteDialog(canSearch = true, userId = "@inconnu:cpts-val-essai.fr", error = CaseError.UnknownUser),
                    ),
                    {}, ClinicalData.specialties, {}, {},
                )
            },
            "case-identity-changed" to {
                val held = ClinicalData.message(GP, MessageKind.Text("La biopsie est prévue lundi."), GP, 50)
                CaseView(
                    gp.copy(
                        items = conversation.drop(3) +
                            held.copy(message = held.message.copy(eventId = null, transactionId = "txn-held", sendState = SendState.BlockedByIdentityChange(listOf(DERM)))),
                    ),
                    {}, ClinicalData.specialties, {}, {},
                )
            },
            "case-muted-editing" to {
                val answer = conversation.last() as ConversationItem.Message
                val edited = answer.copy(message = answer.message.copy(edited = true))
                CaseView(
                    gp.copy(
                        details = ClinicalData.details(CaseStatus.ACCEPTED, muted = true),
                        items = conversation.drop(3).dropLast(1) + edited,
                        editing = answer.message.eventId,
                        composer = "Pas de saignement. Sa mère a été opérée d'un mélanome en 2019, à 54 ans.",
                    ),
                    {}, ClinicalData.specialties, {}, {},
                )
            },
            "case-photo" to {
                CaseView(
                    gp.copy(photos = gp.photos.copy(viewer = PhotoViewer(photoKey, PhotoLoad.Loaded(ClinicalData.lesionImage)))),
                    {}, ClinicalData.specialties, {}, {},
                )
            },
        )
    }

    @Test
    fun caseFiles() = screens(*CaseFileScreens.all)

    @Test
    fun callBack() = screens(*CallBackScreens.all)

    @Test
    fun directory() = screens(
        "directory" to {
            DirectoryView(
                DirectoryState(
                    specialties = ClinicalData.specialties,
                    specialty = "dermatology",
                    results = listOf(ClinicalData.derm, ClinicalData.retiredDerm),
                    onDuty = listOf(ClinicalData.derm),
                ),
                {}, {},
            )
        },
        "rota-coordinator" to { RotaView(RotaState(specialties = ClinicalData.specialties, rota = ClinicalData.rota, loading = false), {}) },
        "rota-member" to { RotaView(RotaState(specialties = ClinicalData.specialties, rota = ClinicalData.rota.copy(isCoordinator = false), loading = false), {}) },
        "rota-refused" to {
            RotaView(
                RotaState(specialties = ClinicalData.specialties, rota = ClinicalData.rota, loading = false, error = DirectoryError.InvalidSlot(SlotProblem.OUTSIDE_DAY)),
                {},
            )
        },
        "rota-new-slot" to {
            RotaView(
                RotaState(
                    specialties = ClinicalData.specialties,
                    rota = ClinicalData.rota,
                    loading = false,
                    draft = SlotDraft(member = DERM, specialty = "dermatology", weekday = Weekday.TUESDAY, start = "18:00", end = "20", invalid = true),
                ),
                {},
            )
        },
        "directory-no-cpts" to { DirectoryView(DirectoryState(specialties = ClinicalData.specialties, error = DirectoryError.NoCpts), {}, {}) },
    )

    @Test
    fun availability() = screens(*AvailabilityScreens.all)

    @Test
    fun routing() = screens(*RoutingScreens.all)

    @Test
    fun partners() = screens(*PartnersScreens.all)

    @Test
    fun directoryEdit() {
        val coordinator = DirectoryState(
            specialties = ClinicalData.specialties,
            results = listOf(ClinicalData.derm, ClinicalData.cardio, ClinicalData.retiredDerm),
            isCoordinator = true,
        )
        screens(
            "directory-member-card" to { DirectoryView(coordinator.copy(picked = ClinicalData.derm), {}, {}) },
            "directory-edit" to {
                DirectoryView(
                    coordinator.copy(
                        edit = EntryDraft(ClinicalData.derm, displayName = "Dr Samira Benali-Haddad", specialties = setOf("dermatology", "general_practice")),
                    ),
                    {}, {},
                )
            },
            "directory-edit-refused" to {
                DirectoryView(
                    coordinator.copy(
                        edit = EntryDraft(ClinicalData.cardio, specialties = emptySet(), error = DirectoryError.InvalidEntry(EntryProblem.NO_SPECIALTY)),
                    ),
                    {}, {},
                )
            },
            "directory-edited" to {
                val edited = ClinicalData.derm.copy(displayName = "Dr Samira Benali-Haddad", specialties = listOf("dermatology", "general_practice"))
                DirectoryView(coordinator.copy(results = listOf(edited, ClinicalData.cardio, ClinicalData.retiredDerm), edited = edited), {}, {})
            },
        )
    }

    @Test
    fun verification() = screens(
        "verification-emojis" to {
            VerificationView(
                VerificationScreenState(
                    phase = VerificationPhase.CompareEmojis(ClinicalData.emojis),
                    otherUser = DERM,
                    otherName = "Dr Samira Benali",
                ),
                {}, {},
            )
        },
        "verification-colleague-devices" to {
            VerificationView(
                VerificationScreenState(
                    phase = VerificationPhase.ChooseDevice(listOf(DeviceId("QKXWBNTRZA"), DeviceId("HPLMVCEDSO"))),
                    otherUser = DERM,
                    otherName = "Dr Samira Benali",
                ),
                {}, {},
            )
        },
        "verification-requested" to { VerificationView(VerificationScreenState(phase = VerificationPhase.Requested, otherUser = GP, isSelfVerification = true), {}, {}) },
    )

    @Test
    fun recovery() = screens(
        "recovery-new-key" to {
            RecoveryView(RecoveryScreenState(recovery = RecoveryStatus.DISABLED, newKey = Secret("EsTc 4Xkb Vq9L mR2p Hn7W cY3d Jf8s Kt6Q Zb1x Pw5N Dg4m Uv2e")), {}, {})
        },
        "recovery-enter-key" to { RecoveryView(RecoveryScreenState(recovery = RecoveryStatus.INCOMPLETE, error = TrustError.WrongRecoveryKey), {}, {}) },
    )

    @Test
    fun settings() = screens(
        "settings" to { SettingsView(SettingsState(userId = GP, deviceId = DeviceId("QKXWBNTRZA"), deviceVerified = true, recovery = RecoveryStatus.ENABLED), {}, {}, {}, {}) },
        "settings-unverified" to { SettingsView(SettingsState(userId = GP, deviceVerified = false, recovery = RecoveryStatus.INCOMPLETE), {}, {}, {}, {}) },
    )

    @Test
    fun membership() {
        val asking = JoinRequest(ClinicalData.DERM, ClinicalData.benaliIdentity)
        val coordinating = MembershipState(specialties = ClinicalData.specialties, loading = false, cpts = ClinicalData.cpts, coordinator = true)
        screens(
            "membership-join" to {
                MembershipView(MembershipState(loading = false, inNoCpts = true, cptsName = "CPTS du Val d'Essai", spaceId = "!cpts:cpts-val-essai.fr"), {})
            },
            "membership-invited" to {
                MembershipView(MembershipState(loading = false, inNoCpts = true, invitations = listOf(ClinicalData.cpts)), {})
            },
            "membership-member" to {
                MembershipView(MembershipState(specialties = ClinicalData.specialties, loading = false, cpts = ClinicalData.cpts), {})
            },
            "membership-create-refused" to {
                MembershipView(
                    MembershipState(loading = false, inNoCpts = true, cptsName = "CPTS du Val d'Essai", createError = JoinRequestError.HomeserverUnreachable),
                    {},
                )
            },
            "membership-created" to { MembershipView(coordinating.copy(created = ClinicalData.cpts), {}) },
            "membership-requests" to {
                MembershipView(coordinating.copy(requests = listOf(asking, JoinRequest(ClinicalData.NURSE, null))), {})
            },
            "membership-approve" to {
                MembershipView(coordinating.copy(requests = listOf(asking), approval = Approval(asking, setOf("dermatology"))), {})
            },
        )
    }

    @Test
    fun careTeam() {
        val directory = listOf(ClinicalData.cardio, ClinicalData.derm, ClinicalData.pharmacistEntry, ClinicalData.nurseEntry)
        val empty = CareTeamState(specialties = ClinicalData.specialties, results = directory)
        val header = ClinicalData.careTeamHeader
        val filled = empty.copy(
            patientLabel = header.patientLabel,
            ageBand = header.ageBand,
            sex = header.sex,
            reason = header.reason,
            question = header.question,
            photoConsent = header.photoConsent,
            members = listOf(ClinicalData.nurseEntry, ClinicalData.pharmacistEntry),
        )
        screens(
            "care-team" to { CareTeamView(empty.copy(query = "Gar", results = listOf(ClinicalData.nurseEntry)), {}) },
            "care-team-filled" to { CareTeamView(filled, {}) },
            "care-team-refused" to { CareTeamView(filled.copy(error = RequestError.NotInDirectory), {}) },
        )
    }

    @Test
    fun colleagueCase() {
        val header = ClinicalData.lesionHeader
        // The identifier typed but not added yet: a first text field that is filled (see README).
        val empty = ColleagueCaseState(colleagueInput = DERM.value)
        val filled = ColleagueCaseState(
            patientLabel = header.patientLabel,
            ageBand = header.ageBand,
            sex = header.sex,
            reason = header.reason,
            question = header.question,
            photoConsent = header.photoConsent,
            urgency = Urgency.SOON,
            colleagues = listOf(DERM, ClinicalData.CARDIO),
        )
        val refused = filled.copy(
            openedRoom = ClinicalData.room,
            refused = listOf(RefusedInvitation(ClinicalData.CARDIO, CaseError.NotCrossSigned)),
        )
        screens(
            "colleague-case" to { ColleagueCaseView(empty, {}) },
            "colleague-case-filled" to { ColleagueCaseView(filled, {}) },
            "colleague-case-refused" to { ColleagueCaseView(refused, {}) },
        )
    }

    companion object {
        private var ran = 0

        init {
            // Skia's codecs load on first use: decode once here, so that no screen is drawn
            // before its photo only because the first decode was slow.
            android.graphics.BitmapFactory.decodeByteArray(ClinicalData.lesionImage.bytes, 0, ClinicalData.lesionImage.size, null)
        }

        /** Once every screen of this class was drawn: no reference image is left without its screen. */
        @JvmStatic
        @AfterClass
        fun noStaleReference() {
            val tests = ScreensTest::class.java.methods.count { it.isAnnotationPresent(Test::class.java) }
            if (ran == tests && !Screenshots.recording) {
                assertEquals(emptyList(), Screenshots.stale(), "reference images of no screen: delete them")
            }
        }
    }
}
