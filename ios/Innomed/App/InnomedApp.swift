import InnomedServices
import SwiftUI

@main
struct InnomedApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var appDelegate
    @StateObject private var model = AppModel(
        sessionService: RustSessionService(),
        lock: AppLockViewModel(authenticator: DeviceAuthenticator()),
        photos: PrivatePhotoStore()
    )

    var body: some Scene {
        WindowGroup {
            RootView(model: model, lock: model.lock)
                .task {
                    appDelegate.onDeviceToken = { token in
                        Task { await model.registerPush(deviceToken: token) }
                    }
                    // A tap that launched the app was kept by the delegate until now.
                    appDelegate.notifications.onTap = { roomID in model.notificationTapped(roomID: roomID) }
                    await model.start()
                }
        }
    }
}
