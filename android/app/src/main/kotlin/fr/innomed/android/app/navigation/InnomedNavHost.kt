package fr.innomed.android.app.navigation

import android.Manifest
import android.net.Uri
import android.os.Build
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavType
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.rememberNavController
import androidx.navigation.navArgument
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.app.AppGraph
import fr.innomed.android.app.photos.rememberPickFiles
import fr.innomed.android.app.photos.rememberTakePhoto
import fr.innomed.android.features.case.CaseCallBackEvent
import fr.innomed.android.features.case.CaseEvent
import fr.innomed.android.features.case.CaseFilesEvent
import fr.innomed.android.features.case.CasePresenter
import fr.innomed.android.features.case.CaseView
import fr.innomed.android.features.caselist.CaseListEvent
import fr.innomed.android.features.caselist.CaseListPresenter
import fr.innomed.android.features.caselist.CaseListView
import fr.innomed.android.features.directory.AvailabilityPresenter
import fr.innomed.android.features.directory.AvailabilityView
import fr.innomed.android.features.directory.DirectoryEvent
import fr.innomed.android.features.directory.DirectoryPresenter
import fr.innomed.android.features.directory.DirectoryView
import fr.innomed.android.features.directory.PartnersPresenter
import fr.innomed.android.features.directory.PartnersView
import fr.innomed.android.features.directory.RotaEvent
import fr.innomed.android.features.directory.RotaPresenter
import fr.innomed.android.features.directory.RotaView
import fr.innomed.android.features.directory.RoutingPresenter
import fr.innomed.android.features.directory.RoutingView
import fr.innomed.android.features.membership.MembershipPresenter
import fr.innomed.android.features.membership.MembershipView
import fr.innomed.android.features.recovery.RecoveryPresenter
import fr.innomed.android.features.recovery.RecoveryView
import fr.innomed.android.features.settings.SettingsEvent
import fr.innomed.android.features.settings.SettingsPresenter
import fr.innomed.android.features.settings.SettingsView
import fr.innomed.android.features.signin.SignInPresenter
import fr.innomed.android.features.signin.SignInView
import fr.innomed.android.features.verification.VerificationPresenter
import fr.innomed.android.features.verification.VerificationTarget
import fr.innomed.android.features.verification.VerificationView

internal object Routes {
    const val SIGN_IN = "signin"
    const val CASES = "cases"
    const val NEW_REQUEST = "new-request"
    const val CASE = "case/{roomId}"
    const val DIRECTORY = "directory"
    const val ROTA = "rota"
    const val AVAILABILITY = "availability"
    const val ROUTING = "routing"
    const val PARTNERS = "partners"
    const val CARE_TEAM = "care-team"
    const val COLLEAGUE_CASE = "colleague-case"
    const val VERIFICATION = "verification"
    const val COLLEAGUE_VERIFICATION = "verification/{userId}?name={name}"
    const val RECOVERY = "recovery"
    const val SETTINGS = "settings"
    const val MEMBERSHIP = "membership"

    fun case(roomId: RoomId) = "case/" + Uri.encode(roomId.value)

    fun colleagueVerification(userId: UserId, name: String) = "verification/" + Uri.encode(userId.value) + "?name=" + Uri.encode(name)
}

/**
 * Reopens the saved account, then the screens; back to sign-in whenever the session ends; a
 * tapped notification's case (or a CPTS's follow-ups) once unlocked and signed in ([OpenTapped]).
 * Each destination's presenter is held by a ViewModel of its back-stack entry
 * ([retainedPresenter]): a rotation keeps drafts, the running work and the conversation.
 */
@Composable
fun InnomedNavHost(graph: AppGraph) {
    val nav = rememberNavController()
    val session by graph.sessions.activeSession.collectAsStateWithLifecycle()
    var restored by remember { mutableStateOf(false) }
    LaunchedEffect(Unit) {
        // After a rotation the session is already running: the account is not reopened.
        if (graph.sessions.activeSession.value == null) graph.sessions.restore()
        restored = true
    }
    if (!restored) {
        Box(Modifier.fillMaxSize()) { CircularProgressIndicator(Modifier.align(Alignment.Center)) }
        return
    }
    val start = remember { if (session != null) Routes.CASES else Routes.SIGN_IN }
    LaunchedEffect(session) {
        if (session == null && nav.currentDestination?.route != Routes.SIGN_IN) {
            graph.wipeLocalFiles()
            nav.navigate(Routes.SIGN_IN) { popUpTo(nav.graph.id) { inclusive = true } }
        }
    }
    OpenTapped(graph, nav)

    NavHost(navController = nav, startDestination = start) {
        composable(Routes.SIGN_IN) {
            val presenter = retainedPresenter { SignInPresenter(it, graph.sessions) }
            val state by presenter.state.collectAsStateWithLifecycle()
            SignInView(state, presenter::onEvent)
            ProSanteConnectPage(graph, state.pscPage, presenter::onEvent)
            LaunchedEffect(state.signedInAs) {
                if (state.signedInAs != null) nav.navigate(Routes.CASES) { popUpTo(nav.graph.id) { inclusive = true } }
            }
        }
        composable(Routes.CASES) {
            val account = session ?: return@composable
            AskForNotifications()
            val presenter = retainedPresenter { CaseListPresenter(it, account.cases, account.search) }
            val state by presenter.state.collectAsStateWithLifecycle()
            CaseListView(
                state = state,
                onEvent = presenter::onEvent,
                specialties = account.directory.specialties(),
                onOpen = { nav.navigate(Routes.case(it)) },
                onNewRequest = { nav.navigate(Routes.NEW_REQUEST) },
                onColleagueCase = { nav.navigate(Routes.COLLEAGUE_CASE) },
                onDirectory = { nav.navigate(Routes.DIRECTORY) },
                onSettings = { nav.navigate(Routes.SETTINGS) },
            )
            LaunchedEffect(state.openedCase) {
                state.openedCase?.let {
                    presenter.onEvent(CaseListEvent.CaseOpened)
                    nav.navigate(Routes.case(it))
                }
            }
        }
        caseForms(graph, nav) { session }
        composable(Routes.CASE, arguments = listOf(navArgument("roomId") { type = NavType.StringType })) { entry ->
            val account = session ?: return@composable
            val roomId = RoomId(entry.arguments?.getString("roomId") ?: return@composable)
            val presenter = retainedPresenter {
                CasePresenter(it, roomId, account.cases, account.conversations, account.requests, graph.photos::discard, graph.documents, account.directory)
            }
            val state by presenter.state.collectAsStateWithLifecycle()
            val takePhoto = rememberTakePhoto(graph.photos) { presenter.onEvent(CaseEvent.SendPhoto(it)) }
            val pickFiles = rememberPickFiles(graph.photos) { presenter.onEvent(CaseFilesEvent.Attach(it)) }
            CaseView(state, presenter::onEvent, account.directory.specialties(), onTakePhoto = takePhoto, onAttachFiles = pickFiles)
            LaunchedEffect(state.left) { if (state.left) nav.popBackStack() }
            val context = LocalContext.current
            LaunchedEffect(state.reportRequest) {
                state.reportRequest?.let { request ->
                    presenter.onEvent(CaseEvent.ReportHandled)
                    val intent = if (request.share) graph.reports.share(request.pdfPath) else graph.reports.view(request.pdfPath)
                    intent?.let(context::startActivity)
                }
            }
            LaunchedEffect(state.callBack.dial) {
                state.callBack.dial?.let { phone ->
                    presenter.onEvent(CaseCallBackEvent.Dialed)
                    dial(context, phone)
                }
            }
            LaunchedEffect(state.verifying) {
                state.verifying?.let {
                    presenter.onEvent(CaseEvent.VerificationOpened)
                    nav.navigate(Routes.colleagueVerification(it.userId, it.name))
                }
            }
        }
        composable(Routes.DIRECTORY) {
            val account = session ?: return@composable
            val presenter = retainedPresenter { DirectoryPresenter(it, account.directory) }
            val state by presenter.state.collectAsStateWithLifecycle()
            DirectoryView(
                state,
                presenter::onEvent,
                onJoinCpts = { nav.navigate(Routes.MEMBERSHIP) },
                onRota = { nav.navigate(Routes.ROTA) },
                onCareTeam = { nav.navigate(Routes.CARE_TEAM) },
                onRouting = { nav.navigate(Routes.ROUTING) },
                onPartners = { nav.navigate(Routes.PARTNERS) },
            )
            // Back from "Ma CPTS": a CPTS created or joined there is read at once.
            LaunchedEffect(Unit) { if (presenter.state.value.error == DirectoryError.NoCpts) presenter.onEvent(DirectoryEvent.Retry) }
        }
        composable(Routes.ROTA) {
            val account = session ?: return@composable
            val presenter = retainedPresenter { RotaPresenter(it, account.directory) }
            val state by presenter.state.collectAsStateWithLifecycle()
            RotaView(state, presenter::onEvent, onAvailability = { nav.navigate(Routes.AVAILABILITY) })
            // Back from "Mes disponibilités": the rota shows what was declared there.
            LaunchedEffect(Unit) { if (presenter.state.value.rota != null) presenter.onEvent(RotaEvent.Retry) }
        }
        composable(Routes.AVAILABILITY) {
            val account = session ?: return@composable
            val presenter = retainedPresenter { AvailabilityPresenter(it, account.directory, account.userId) }
            val state by presenter.state.collectAsStateWithLifecycle()
            AvailabilityView(state, presenter::onEvent)
        }
        composable(Routes.ROUTING) {
            val account = session ?: return@composable
            val presenter = retainedPresenter { RoutingPresenter(it, account.directory, account.requests) }
            val state by presenter.state.collectAsStateWithLifecycle()
            RoutingView(state, presenter::onEvent)
        }
        composable(Routes.PARTNERS) {
            val account = session ?: return@composable
            val presenter = retainedPresenter { PartnersPresenter(it, account.directory) }
            val state by presenter.state.collectAsStateWithLifecycle()
            PartnersView(state, presenter::onEvent)
        }
        composable(Routes.MEMBERSHIP) {
            val account = session ?: return@composable
            val presenter = retainedPresenter { MembershipPresenter(it, account.joinRequests, account.directory) }
            val state by presenter.state.collectAsStateWithLifecycle()
            MembershipView(state, presenter::onEvent)
        }
        composable(Routes.VERIFICATION) {
            val account = session ?: return@composable
            val presenter = retainedPresenter { VerificationPresenter(it, account.trust, VerificationTarget.Incoming()) }
            val state by presenter.state.collectAsStateWithLifecycle()
            VerificationView(state, presenter::onEvent, onDone = { nav.popBackStack() })
        }
        composable(
            Routes.COLLEAGUE_VERIFICATION,
            arguments = listOf(navArgument("userId") { type = NavType.StringType }, navArgument("name") { type = NavType.StringType }),
        ) { entry ->
            val account = session ?: return@composable
            val userId = UserId(entry.arguments?.getString("userId") ?: return@composable)
            val name = entry.arguments?.getString("name") ?: userId.value
            val presenter = retainedPresenter { VerificationPresenter(it, account.trust, VerificationTarget.Colleague(userId, name)) }
            val state by presenter.state.collectAsStateWithLifecycle()
            VerificationView(state, presenter::onEvent, onDone = { nav.popBackStack() })
        }
        composable(Routes.RECOVERY) {
            val account = session ?: return@composable
            val presenter = retainedPresenter { RecoveryPresenter(it, account.trust) }
            val state by presenter.state.collectAsStateWithLifecycle()
            RecoveryView(state, presenter::onEvent, onVerifyWithDevice = { nav.navigate(Routes.VERIFICATION) })
        }
        composable(Routes.SETTINGS) {
            val account = session ?: return@composable
            // Signing out outlives the screen (the session ends during the call): the app's scope.
            val presenter = retainedPresenter {
                SettingsPresenter(it, account.userId, graph.sessions, account.trust, graph.appScope, graph::wipeLocalFiles, account.deviceId)
            }
            val state by presenter.state.collectAsStateWithLifecycle()
            SettingsView(
                state,
                presenter::onEvent,
                onRecovery = { nav.navigate(Routes.RECOVERY) },
                onVerifyThisDevice = { nav.navigate(Routes.VERIFICATION) },
                onMembership = { nav.navigate(Routes.MEMBERSHIP) },
            )
            // Shown again after the recovery or verification screen: this phone's trust may have changed.
            LaunchedEffect(Unit) { presenter.onEvent(SettingsEvent.Refresh) }
        }
    }
}

/** Android 13+: ask once for notifications (content-free lock-screen lines). */
@Composable
private fun AskForNotifications() {
    if (Build.VERSION.SDK_INT < 33) return
    val launcher = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) {}
    LaunchedEffect(Unit) { launcher.launch(Manifest.permission.POST_NOTIFICATIONS) }
}
