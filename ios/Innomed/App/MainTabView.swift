import InnomedServices
import SwiftUI

struct MainTabView: View {
    let session: UserSession
    let model: AppModel

    var body: some View {
        TabView {
            CaseListView(session: session)
                .tabItem { Label("tab.cases", systemImage: "tray.full") }
            DirectoryView(session: session)
                .tabItem { Label("tab.directory", systemImage: "person.2") }
            SettingsView(session: session, onSignOut: model.signOut)
                .tabItem { Label("tab.settings", systemImage: "gearshape") }
        }
    }
}
