import InnomedServices
import SwiftUI

struct SignInView: View {
    @StateObject private var viewModel: SignInViewModel
    private let notice: ServiceError?

    init(model: AppModel) {
        _viewModel = StateObject(wrappedValue: SignInViewModel(service: model.sessionService,
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
                    TextField("signin.user", text: $viewModel.userID, prompt: Text("signin.user.prompt"))
                        .textContentType(.username)
                        .textInputAutocapitalization(.never)
                        .autocorrectionDisabled()
                    SecureField("signin.password", text: $viewModel.password)
                        .textContentType(.password)
                } footer: {
                    Text("signin.footer")
                }
                if let error = viewModel.error {
                    Section { ErrorBanner(error: error) }
                }
                Section {
                    Button {
                        Task { await viewModel.signIn() }
                    } label: {
                        HStack {
                            Text("signin.action")
                            if viewModel.isSigningIn { Spacer(); ProgressView() }
                        }
                    }
                    .disabled(!viewModel.canSignIn)
                }
            }
            .navigationTitle("signin.title")
        }
    }
}
