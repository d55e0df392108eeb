import InnomedServices
import SwiftUI

struct CaseListView: View {
    let session: UserSession
    /// From a tapped notification (`AppModel`): shown once, then `onDestinationShown`.
    let destination: CaseDestination?
    let onDestinationShown: () -> Void
    @StateObject private var viewModel: CaseListViewModel
    @StateObject private var search: CaseSearchViewModel
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
        _search = StateObject(wrappedValue: CaseSearchViewModel(search: session.search))
    }

    var body: some View {
        NavigationStack(path: $path) {
            List {
                if search.isActive {
                    CaseSearchResultsView(search: search)
                } else {
                    Section {
                        CaseFilterChips(selected: viewModel.chip) { viewModel.select($0) }
                            .listRowInsets(EdgeInsets())
                            .listRowBackground(Color.clear)
                    }
                    if viewModel.isArchive {
                        archiveClosedSection
                    } else if !viewModel.reminders.isEmpty {
                        remindersSection
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
                        ForEach(viewModel.cases) { row in caseLink(row) }
                    }
                }
            }
            .searchable(text: $search.query, prompt: Text("search.prompt"))
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
            .task(id: viewModel.chip) { await viewModel.observe() }
            .task { await search.followProgress() }
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
            // Invitations show in the main list, not in the archive nor among results.
            path = []
            search.query = ""
            viewModel.select(.all)
        case .unanswered:
            return   // the directory tab's (DirectoryView)
        }
        onDestinationShown()
    }

    private var remindersSection: some View {
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

    /// In the archive: the closed cases idle for a month put away at once, and how many were.
    private var archiveClosedSection: some View {
        Section {
            Button {
                Task { await viewModel.archiveClosedCases() }
            } label: {
                HStack {
                    Label(L10n.format("archive.closed", CaseListViewModel.archiveAfterDays), systemImage: "archivebox")
                    if viewModel.isArchivingClosed {
                        Spacer()
                        ProgressView()
                    }
                }
            }
            .disabled(viewModel.isArchivingClosed)
            if let count = viewModel.archivedClosedCount {
                Text(verbatim: archivedLine(count)).font(.subheadline).foregroundStyle(.secondary)
            }
        } footer: {
            Text("archive.footer")
        }
    }

    private func archivedLine(_ count: Int) -> String {
        switch count {
        case 0: return L10n.format("archive.closed.none", CaseListViewModel.archiveAfterDays)
        case 1: return L10n.string("archive.closed.one")
        default: return L10n.format("archive.closed.count", count)
        }
    }

    /// A case's row; a closed one can be archived, an archived one restored (swipe or long press).
    private func caseLink(_ row: CaseSummary) -> some View {
        NavigationLink(value: row.id) {
            CaseRowView(row: row, specialty: viewModel.specialtyLabel(of: row))
        }
        .swipeActions(edge: .trailing) { archiveActions(row) }
        .contextMenu { archiveActions(row) }
    }

    @ViewBuilder
    private func archiveActions(_ row: CaseSummary) -> some View {
        if viewModel.canArchive(row) {
            Button { Task { await viewModel.archive(row.id) } } label: {
                Label("cases.archive", systemImage: "archivebox")
            }
            .tint(.indigo)
            .disabled(viewModel.busy == row.id)
        }
        if viewModel.canRestore(row) {
            Button { Task { await viewModel.restore(row.id) } } label: {
                Label("cases.restore", systemImage: "tray.and.arrow.up")
            }
            .tint(.accentColor)
            .disabled(viewModel.busy == row.id)
        }
    }

    @ViewBuilder
    private var emptyState: some View {
        if search.isActive {
            EmptyView()
        } else if viewModel.isLoading {
            ProgressView()
        } else if viewModel.cases.isEmpty && viewModel.invitations.isEmpty {
            Text(L10n.string(emptyKey)).foregroundStyle(.secondary).multilineTextAlignment(.center).padding()
        }
    }

    private var emptyKey: String {
        switch viewModel.chip {
        case .all: return "cases.empty"
        case .archived: return "archive.empty"
        default: return "cases.filter.empty"
        }
    }
}
