import InnomedServices
import SwiftUI

struct InviteView: View {
    @StateObject private var viewModel: InviteViewModel
    @Environment(\.dismiss) private var dismiss

    init(session: UserSession, caseID: CaseID) {
        _viewModel = StateObject(wrappedValue: InviteViewModel(session: session, caseID: caseID))
    }

    var body: some View {
        NavigationStack {
            List {
                if let typed = viewModel.typedUserID {
                    inviteRow(title: typed.rawValue, subtitle: nil, user: typed)
                }
                ForEach(viewModel.results) { member in
                    inviteRow(title: member.displayName, subtitle: member.userID.rawValue, user: member.userID)
                }
            }
            .searchable(text: $viewModel.query, prompt: Text("invite.prompt"))
            .task(id: viewModel.query) { await viewModel.search() }
            .navigationTitle("invite.title")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button("common.close") { dismiss() } }
            }
            .errorAlert($viewModel.error)
        }
    }

    private func inviteRow(title: String, subtitle: String?, user: UserID) -> some View {
        HStack {
            VStack(alignment: .leading) {
                Text(title)
                if let subtitle { Text(subtitle).font(.caption).foregroundStyle(.secondary) }
            }
            Spacer()
            if viewModel.invited.contains(user) {
                Image(systemName: "checkmark").foregroundStyle(.green)
                    .accessibilityLabel(Text("invite.done"))
            } else {
                Button("invite.action") { Task { await viewModel.invite(user) } }
                    .disabled(viewModel.isWorking)
            }
        }
    }
}
