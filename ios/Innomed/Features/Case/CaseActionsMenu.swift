import InnomedServices
import SwiftUI

/// The case's actions in the toolbar: the ones the core allows the doctor now, then muting or
/// unmuting the case once the core said which it is.
struct CaseActionsMenu: View {
    @ObservedObject var actions: CaseActionsViewModel
    @Binding var sheet: CaseSheet?

    var body: some View {
        Menu {
            ForEach(actions.actions, id: \.self) { action in
                button(for: action)
            }
            if let muted = actions.isMuted {
                Section {
                    Button { Task { await actions.setMuted(!muted) } } label: {
                        Label(LocalizedStringKey(muted ? "case.unmute" : "case.mute"),
                              systemImage: muted ? "bell" : "bell.slash")
                    }
                }
            }
        } label: {
            if actions.isWorking {
                ProgressView()
            } else {
                Label("case.actions", systemImage: "ellipsis.circle")
            }
        }
        .disabled((actions.actions.isEmpty && actions.isMuted == nil) || actions.isWorking)
    }

    @ViewBuilder
    private func button(for action: CaseAction) -> some View {
        switch action {
        case .invite:
            Button { sheet = .invite } label: { Label("case.invite", systemImage: "person.badge.plus") }
        case .take:
            Button { Task { await actions.take() } } label: { Label("case.take", systemImage: "hand.raised") }
        case .advise:
            Button { sheet = .advice } label: { Label("case.advise", systemImage: "stethoscope") }
        case .closeWithReport:
            Button { sheet = .close } label: { Label("case.closeWithReport", systemImage: "doc.text") }
        case .markAnswered:
            Button { Task { await actions.setStatus(.answered) } } label: {
                Label("case.markAnswered", systemImage: "checkmark.circle")
            }
        case .close:
            Button(role: .destructive) { Task { await actions.setStatus(.closed) } } label: {
                Label("case.close", systemImage: "archivebox")
            }
        // Not in this menu (see `CaseActionsViewModel.menuActions`); a member is confirmed from
        // the warning about them.
        case .accept, .decline, .write, .remove, .confirmMember:
            EmptyView()
        }
    }
}
