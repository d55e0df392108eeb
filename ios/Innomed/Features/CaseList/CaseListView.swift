import InnomedServices
import SwiftUI

struct CaseListView: View {
    let session: UserSession
    /// From a tapped notification (`AppModel`): shown once, then `onDestinationShown`.
    let destination: CaseDestination?
    let onDestinationShown: () -> Void
    @StateObject private var viewModel: CaseListViewModel
    @State private var path: [CaseID] = []
    @State private var showsNewRequest = false
    @State private var showsColleagueCase = false

    init(session: UserSession, destination: CaseDestination? = nil, onDestinationShown: @escaping () -> Void = {}) {
        self.session = session
        self.destination = destination
        self.onDestinationShown = onDestinationShown
        _viewModel = StateObject(wrappedValue: CaseListViewModel(cases: session.cases,
                                                                 directory: session.directory,
                                                                 requests: session.requests))
    }

    var body: some View {
        NavigationStack(path: $path) {
            List {
                if !viewModel.reminders.isEmpty {
                    Section {
                        ForEach(viewModel.reminders, id: \.self) { reminder in
                            NavigationLink(value: reminder.caseID) {
                                Label(L10n.format(reminder.deadline == .overdue ? "cases.reminder.overdue" : "cases.reminder.dueSoon",
                                                  reminder.code),
                                      systemImage: "bell.badge")
                                    .foregroundStyle(reminder.deadline.color)
                            }
                        }
                        Button("cases.reminders.dismiss") { viewModel.dismissReminders() }
                    } header: {
                        Text("cases.reminders")
                    }
                }
                if !viewModel.invitations.isEmpty {
                    Section("cases.invitations") {
                        ForEach(viewModel.invitations) { row in
                            InvitationRowView(row: row, specialty: viewModel.specialtyLabel(of: row),
                                              isBusy: viewModel.busy == row.id,
                                              accept: { Task { await viewModel.accept(row.id) } },
                                              decline: { Task { await viewModel.decline(row.id) } })
                        }
                    }
                }
                Section {
                    ForEach(viewModel.cases) { row in
                        NavigationLink(value: row.id) {
                            CaseRowView(row: row, specialty: viewModel.specialtyLabel(of: row))
                        }
                    }
                }
            }
            .overlay { emptyState }
            .navigationTitle("cases.title")
            .toolbar {
                // A télé-expertise request through the CPTS, or a case between colleagues without one.
                ToolbarItemGroup(placement: .primaryAction) {
                    Button { showsColleagueCase = true } label: {
                        Label("cases.newColleagueCase", systemImage: "person.2.circle")
                    }
                    Button { showsNewRequest = true } label: {
                        Label("cases.new", systemImage: "square.and.pencil")
                    }
                }
            }
            .navigationDestination(for: CaseID.self) { id in
                CaseView(session: session, caseID: id)
            }
            .sheet(isPresented: $showsNewRequest) {
                NewRequestView(session: session) { created in
                    showsNewRequest = false
                    path.append(created)
                }
            }
            .sheet(isPresented: $showsColleagueCase) {
                ColleagueCaseView(cases: session.cases) { created in
                    showsColleagueCase = false
                    path.append(created)
                }
            }
            .errorAlert($viewModel.error)
            .task { await viewModel.observe() }
            .task { await viewModel.loadReminders() }
            .refreshable { await viewModel.loadReminders() }
            .task(id: destination) { show(destination) }
        }
    }

    /// The tapped case pushed on top (unless it is already the top one), so an open case keeps
    /// its draft and sheet underneath; or the list itself for an invitation. A new request being
    /// written stays open above it.
    private func show(_ destination: CaseDestination?) {
        guard let destination else { return }
        switch destination {
        case .conversation(let id):
            if path.last != id { path.append(id) }
        case .invitations:
            path = []
        }
        onDestinationShown()
    }

    @ViewBuilder
    private var emptyState: some View {
        if viewModel.isLoading {
            ProgressView()
        } else if viewModel.cases.isEmpty && viewModel.invitations.isEmpty {
            Text("cases.empty").foregroundStyle(.secondary).multilineTextAlignment(.center).padding()
        }
    }
}
