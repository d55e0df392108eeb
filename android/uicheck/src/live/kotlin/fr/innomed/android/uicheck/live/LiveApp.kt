package fr.innomed.android.uicheck.live

import androidx.compose.runtime.LaunchedEffect
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.session.UserSession
import fr.innomed.android.features.case.CasePresenter
import fr.innomed.android.features.case.CaseView
import fr.innomed.android.features.caselist.CaseListEvent
import fr.innomed.android.features.caselist.CaseListPresenter
import fr.innomed.android.features.caselist.CaseListView
import fr.innomed.android.features.newrequest.NewRequestEvent
import fr.innomed.android.features.newrequest.NewRequestPresenter
import fr.innomed.android.features.newrequest.NewRequestView
import fr.innomed.android.features.recovery.RecoveryPresenter
import fr.innomed.android.features.recovery.RecoveryView
import fr.innomed.android.journey.Desk
import kotlinx.coroutines.CoroutineScope

/**
 * The CPTS of the journey, as android/jvm's RequestJourneyTest sets it up: each doctor's first
 * device (the desk) registers the account, joins the CPTS a coordinator created (her on duty
 * round the clock) and creates the recovery key their phone will ask for. No toString: keys.
 */
class LiveCpts private constructor(val gp: UserId, val derm: UserId, val gpKey: String, val dermKey: String) {
    companion object {
        suspend fun create(specialty: String): LiveCpts {
            val gpDesk = Desk.register("gp")
            val dermDesk = Desk.register("derm")
            val coordinator = Desk.register("coord")
            try {
                val spaceId = coordinator.createCpts(gpDesk, dermDesk, specialty)
                gpDesk.joinCpts(spaceId)
                dermDesk.joinCpts(spaceId)
                return LiveCpts(UserId(gpDesk.userId), UserId(dermDesk.userId), gpDesk.enableRecovery(), dermDesk.enableRecovery())
            } finally {
                listOf(gpDesk, dermDesk, coordinator).forEach { it.close() }
            }
        }
    }
}

/**
 * What the app's navigation (InnomedNavHost) does on one signed-in phone, by hand: the presenter
 * each destination builds over the phone's real services, and the view that draws it on [screen].
 * Callbacks of the views (a tap) navigate, as in the app; the presenters run in [scope].
 */
class PhoneApp(private val screen: PhoneScreen, private val scope: CoroutineScope, val session: UserSession) {
    private val specialties = session.directory.specialties()

    /** The request form shown last, and the case screen shown last (null before). */
    var form: NewRequestPresenter? = null
        private set
    var case: CasePresenter? = null
        private set

    fun recovery(): RecoveryPresenter {
        val presenter = RecoveryPresenter(scope, session.trust, pollMillis = 200)
        screen.content = { Presented(presenter) { state, onEvent -> RecoveryView(state, onEvent, onVerifyWithDevice = {}) } }
        return presenter
    }

    fun caseList() {
        val presenter = CaseListPresenter(scope, session.cases, session.search)
        screen.content = {
            Presented(presenter) { state, onEvent ->
                CaseListView(state, onEvent, specialties, ::openCase, ::newRequest, onDirectory = {}, onSettings = {}, onColleagueCase = {})
                LaunchedEffect(state.openedCase) {
                    state.openedCase?.let {
                        presenter.onEvent(CaseListEvent.CaseOpened)
                        openCase(it)
                    }
                }
            }
        }
    }

    /** The form; once the request is open, its case screen (as the app goes there). */
    fun newRequest() {
        val presenter = NewRequestPresenter(scope, session.requests, session.directory, discardPhoto = { it.delete() })
        form = presenter
        screen.content = {
            Presented(presenter) { state, onEvent ->
                NewRequestView(state, onEvent, onTakePhoto = {})
                LaunchedEffect(state.created) {
                    state.created?.let {
                        presenter.onEvent(NewRequestEvent.RequestOpened)
                        openCase(it)
                    }
                }
            }
        }
    }

    fun openCase(roomId: RoomId) {
        val presenter = CasePresenter(
            scope,
            roomId,
            session.cases,
            session.conversations,
            session.requests,
            discardPhoto = { it.delete() },
            viewer = { false },
            directory = session.directory,
        )
        case = presenter
        screen.content = { Presented(presenter) { state, onEvent -> CaseView(state, onEvent, specialties, onTakePhoto = {}, onAttachFiles = {}) } }
    }
}
