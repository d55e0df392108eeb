// STUB (type-check only) of android/app's AppGraph.kt, which cannot compile here: it builds the
// Keystore store and the FCM hook. Same public members and types as the real one — keep in step
// when a member is added or changes type (navigation/InnomedNavHost.kt reads sessions, photos,
// appScope, appLock, notificationTaps, pscReturns, reports, documents, wipeLocalFiles).
package fr.innomed.android.app

import fr.innomed.android.api.push.NotificationTaps
import fr.innomed.android.api.session.PscReturns
import fr.innomed.android.api.session.SessionService
import fr.innomed.android.app.documents.DocumentFiles
import fr.innomed.android.app.lock.AppLock
import fr.innomed.android.app.photos.PhotoStore
import fr.innomed.android.app.push.PushReceiver
import fr.innomed.android.app.reports.ReportFiles
import kotlinx.coroutines.CoroutineScope

abstract class AppGraph {
    abstract val sessions: SessionService
    abstract val appLock: AppLock
    abstract val appScope: CoroutineScope
    abstract val photos: PhotoStore
    abstract val reports: ReportFiles
    abstract val documents: DocumentFiles
    abstract fun wipeLocalFiles()
    abstract val push: PushReceiver
    abstract val notificationTaps: NotificationTaps
    abstract val pscReturns: PscReturns
}
