import InnomedServices
import SwiftUI

struct MainTabView: View {
    let session: UserSession
    @ObservedObject var model: AppModel
    @State private var tab = Tab.cases

    private enum Tab: Hashable {
        case cases, directory, settings
    }

    var body: some View {
        TabView(selection: $tab) {
            CaseListView(session: session, destination: model.destination,
                         onDestinationShown: model.destinationShown)
                .tabItem { Label("tab.cases", systemImage: "tray.full") }
                .tag(Tab.cases)
            DirectoryView(session: session, destination: model.destination,
                          onDestinationShown: model.destinationShown, onOpenCase: model.openCase)
                .tabItem { Label("tab.directory", systemImage: "person.2") }
                .tag(Tab.directory)
            SettingsView(session: session, onSignOut: model.signOut)
                .tabItem { Label("tab.settings", systemImage: "gearshape") }
                .tag(Tab.settings)
        }
        // A tapped notification's case opens in the cases tab (the list pushes it); a
        // coordinator's unanswered request in the directory tab (it pushes the CPTS's list).
        .onChange(of: model.destination) { destination in
            switch destination {
            case .unanswered: tab = .directory
            case .conversation, .invitations: tab = .cases
            case nil: break
            }
        }
    }
}
