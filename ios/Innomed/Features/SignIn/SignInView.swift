import InnomedServices
import SwiftUI

struct SignInView: View {
    @StateObject private var viewModel: SignInViewModel
    @State private var showsPassword = false
    private let notice: ServiceError?

    init(model: AppModel) {
        _viewModel = StateObject(wrappedValue: SignInViewModel(service: model.sessionService,
                                                               webAuthenticator: SystemWebAuthenticator(),
                                                               onSignedIn: model.signedIn))
        notice = model.notice
    }

    var body: some View {
        NavigationStack {
            Form {
                if let notice {
                    Section { ErrorBanner(error: notice) }
                }
                Section {
                    TextField("signin.homeserver", text: $viewModel.homeserver)
                        .keyboardType(.URL)
                        .textContentType(.URL)
                        .textInputAutocapitalization(.never)
                        .autocorrectionDisabled()
                } footer: {
                    Text("signin.homeserver.footer")
                }
                Section {
                    Button {
                        Task { await viewModel.signInWithPsc() }
                    } label: {
                        HStack {
                            Label("signin.psc", systemImage: "person.text.rectangle")
                                .font(.headline)
                            Spacer()
                            if viewModel.isSigningIn { ProgressView() }
                        }
                    }
                    .disabled(!viewModel.canSignInWithPsc)
                } footer: {
                    Text("signin.psc.footer")
                }
                if let error = viewModel.error {
                    Section { ErrorBanner(error: error) }
                }
                Section {
                    DisclosureGroup("signin.password.section", isExpanded: $showsPassword) {
                        TextField("signin.user", text: $viewModel.userID, prompt: Text("signin.user.prompt"))
                            .textContentType(.username)
                            .textInputAutocapitalization(.never)
                            .autocorrectionDisabled()
                        SecureField("signin.password", text: $viewModel.password)
                            .textContentType(.password)
                        Button("signin.action") {
                            Task { await viewModel.signIn() }
                        }
                        .disabled(!viewModel.canSignIn)
                    }
                } footer: {
                    Text("signin.password.footer")
                }
            }
            .navigationTitle("signin.title")
        }
    }
}
