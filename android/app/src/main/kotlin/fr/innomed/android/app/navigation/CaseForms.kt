package fr.innomed.android.app.navigation

import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavGraphBuilder
import androidx.navigation.NavHostController
import androidx.navigation.compose.composable
import fr.innomed.android.api.session.UserSession
import fr.innomed.android.app.AppGraph
import fr.innomed.android.app.photos.rememberTakePhoto
import fr.innomed.android.features.careteam.CareTeamEvent
import fr.innomed.android.features.careteam.CareTeamPresenter
import fr.innomed.android.features.careteam.CareTeamView
import fr.innomed.android.features.colleaguecase.ColleagueCaseEvent
import fr.innomed.android.features.colleaguecase.ColleagueCasePresenter
import fr.innomed.android.features.colleaguecase.ColleagueCaseView
import fr.innomed.android.features.newrequest.NewRequestEvent
import fr.innomed.android.features.newrequest.NewRequestPresenter
import fr.innomed.android.features.newrequest.NewRequestView

/**
 * The forms that open a case: a télé-expertise request, a care team, a case between colleagues.
 * Each, once its case is open, replaces itself with that case above the case list.
 * [session] is read when a destination composes (the nav host's live session).
 */
internal fun NavGraphBuilder.caseForms(graph: AppGraph, nav: NavHostController, session: () -> UserSession?) {
    composable(Routes.NEW_REQUEST) {
        val account = session() ?: return@composable
        val presenter = retainedPresenter {
            NewRequestPresenter(it, account.requests, account.directory, graph.photos::discard)
        }
        val state by presenter.state.collectAsStateWithLifecycle()
        val takePhoto = rememberTakePhoto(graph.photos) { presenter.onEvent(NewRequestEvent.PhotoTaken(it)) }
        NewRequestView(state, presenter::onEvent, onTakePhoto = takePhoto)
        LaunchedEffect(state.created) {
            state.created?.let {
                presenter.onEvent(NewRequestEvent.RequestOpened)
                nav.navigate(Routes.case(it)) { popUpTo(Routes.CASES) }
            }
        }
    }
    composable(Routes.CARE_TEAM) {
        val account = session() ?: return@composable
        val presenter = retainedPresenter { CareTeamPresenter(it, account.requests, account.directory, account.userId) }
        val state by presenter.state.collectAsStateWithLifecycle()
        CareTeamView(state, presenter::onEvent)
        LaunchedEffect(state.created) {
            state.created?.let {
                presenter.onEvent(CareTeamEvent.CareTeamOpened)
                nav.navigate(Routes.case(it)) { popUpTo(Routes.CASES) }
            }
        }
    }
    composable(Routes.COLLEAGUE_CASE) {
        val account = session() ?: return@composable
        val presenter = retainedPresenter { ColleagueCasePresenter(it, account.cases) }
        val state by presenter.state.collectAsStateWithLifecycle()
        ColleagueCaseView(state, presenter::onEvent)
        // At once when every colleague was invited; after "Aller au dossier" when one was refused.
        LaunchedEffect(state.created) {
            state.created?.let {
                presenter.onEvent(ColleagueCaseEvent.CaseOpened)
                nav.navigate(Routes.case(it)) { popUpTo(Routes.CASES) }
            }
        }
    }
}
