import InnomedServices
import SwiftUI

/// The CPTS directory and who is on duty; the rota and the doctor's own availability; joining,
/// or creating, a CPTS. The coordinator (as the core says) also corrects entries, answers join
/// requests, sets the routing windows, declares partner CPTS and opens a care team, whose case
/// `onOpenCase` shows in the cases tab. A tapped
/// notification of an unanswered request (`AppModel`) pushes that CPTS's unanswered requests.
struct DirectoryView: View {
    let session: UserSession
    /// From a tapped notification: only `.unanswered` is this tab's, shown once, then `onDestinationShown`.
    let destination: CaseDestination?
    let onDestinationShown: () -> Void
    let onOpenCase: (CaseID) -> Void
    @StateObject private var viewModel: DirectoryViewModel
    @State private var showsCreateCpts = false
    /// The CPTS of the care team being written (the sheet), while open.
    @State private var careTeamCpts: Cpts?
    /// The CPTS whose unanswered requests a tapped notification opened, while shown.
    @State private var unansweredCpts: Cpts?
    /// Counts those taps: a new one while the list is shown reads it again.
    @State private var unansweredTaps = 0

    init(session: UserSession, destination: CaseDestination? = nil, onDestinationShown: @escaping () -> Void = {},
         onOpenCase: @escaping (CaseID) -> Void = { _ in }) {
        self.session = session
        self.destination = destination
        self.onDestinationShown = onDestinationShown
        self.onOpenCase = onOpenCase
        _viewModel = StateObject(wrappedValue: DirectoryViewModel(directory: session.directory))
    }

    var body: some View {
        NavigationStack {
            List {
                if viewModel.spaces.isEmpty && !viewModel.isLoading {
                    Section {
                        Text("directory.noCpts").foregroundStyle(.secondary)
                    }
                }
                filters
                if let space = viewModel.selectedSpace, !space.isJoined {
                    Section {
                        Button("directory.join") { Task { await viewModel.joinSelected() } }
                    } footer: {
                        Text(L10n.format("directory.invited", space.name))
                    }
                }
                if let space = viewModel.selectedSpace, space.isJoined {
                    Section {
                        NavigationLink {
                            RotaView(directory: session.directory, cpts: space)
                        } label: {
                            Label("directory.rota", systemImage: "calendar")
                        }
                        NavigationLink {
                            AvailabilityView(directory: session.directory, cpts: space, me: session.account.userID)
                        } label: {
                            Label("directory.availability", systemImage: "calendar.badge.clock")
                        }
                        // The coordinator's (as the core says): requests nobody took in time,
                        // how long each urgency waits before it goes further, and the partner
                        // CPTS whose specialists take it when nobody here is on duty.
                        if viewModel.isCoordinator {
                            NavigationLink {
                                UnansweredRequestsView(requests: session.requests, directory: session.directory,
                                                       cpts: space)
                            } label: {
                                Label("directory.unanswered", systemImage: "exclamationmark.bubble")
                            }
                            NavigationLink {
                                RoutingWindowsView(requests: session.requests, directory: session.directory,
                                                   cpts: space)
                            } label: {
                                Label("directory.routingWindows", systemImage: "timer")
                            }
                            NavigationLink {
                                PartnersView(directory: session.directory, cpts: space)
                            } label: {
                                Label("directory.partners", systemImage: "building.2")
                            }
                        }
                        if let team = viewModel.careTeamCpts {
                            Button { careTeamCpts = team } label: {
                                Label("careTeam.open", systemImage: "person.3")
                            }
                        }
                    }
                }
                if viewModel.specialty != nil {
                    Section("directory.onDuty") {
                        if viewModel.onDuty.isEmpty {
                            Text("directory.onDuty.none").foregroundStyle(.secondary)
                        }
                        ForEach(viewModel.onDuty) { member in memberLink(member) }
                    }
                }
                Section("directory.members") {
                    ForEach(viewModel.members) { member in memberLink(member) }
                }
                Section {
                    if let space = viewModel.selectedSpace, space.isJoined, viewModel.isCoordinator {
                        NavigationLink {
                            JoinRequestsView(directory: session.directory, cpts: space)
                        } label: {
                            Label("directory.joinRequests", systemImage: "person.badge.clock")
                        }
                    }
                    NavigationLink {
                        AskToJoinView(directory: session.directory)
                    } label: {
                        Label("directory.askToJoin", systemImage: "person.badge.plus")
                    }
                    if viewModel.canCreateCpts {
                        Button { showsCreateCpts = true } label: {
                            Label("directory.createCpts", systemImage: "plus.circle")
                        }
                    }
                } header: {
                    Text("directory.joining")
                } footer: {
                    Text("directory.joining.footer")
                }
            }
            .searchable(text: $viewModel.name, prompt: Text("directory.search"))
            .task(id: viewModel.name) { await viewModel.refresh() }
            .onChange(of: viewModel.specialty) { _ in Task { await viewModel.refresh() } }
            .navigationTitle(viewModel.selectedSpace?.name ?? L10n.string("directory.title"))
            .navigationDestination(for: UserID.self) { user in
                DevicesView(trust: session.trust, user: user)
            }
            .navigationDestination(isPresented: Binding(
                get: { unansweredCpts != nil },
                set: { shown in if !shown { unansweredCpts = nil } }
            )) {
                if let cpts = unansweredCpts {
                    UnansweredRequestsView(requests: session.requests, directory: session.directory, cpts: cpts)
                        .id(unansweredTaps)
                }
            }
            .task(id: destination) { show(destination) }
            .refreshable { await viewModel.load() }
            .task { await viewModel.load() }
            .sheet(item: $viewModel.editing) { edit in
                EntryEditView(viewModel: edit) { viewModel.editing = nil }
            }
            .sheet(isPresented: $showsCreateCpts) {
                CreateCptsView(directory: session.directory) { created in
                    await viewModel.cptsCreated(created)
                }
            }
            .sheet(item: $careTeamCpts) { cpts in
                CareTeamView(session: session, cpts: cpts) { created in
                    careTeamCpts = nil
                    onOpenCase(created)
                }
            }
            .errorAlert($viewModel.error)
        }
    }

    /// A coordinator's unanswered request, tapped: its CPTS's list pushed, read afresh.
    private func show(_ destination: CaseDestination?) {
        guard case .unanswered(let cpts) = destination else { return }
        unansweredTaps += 1
        unansweredCpts = cpts
        onDestinationShown()
    }

    @ViewBuilder
    private var filters: some View {
        Section {
            if viewModel.spaces.count > 1 {
                Picker("directory.cpts", selection: Binding(
                    get: { viewModel.selected },
                    set: { id in if let id { Task { await viewModel.select(id) } } }
                )) {
                    ForEach(viewModel.spaces) { space in Text(space.name).tag(Optional(space.id)) }
                }
            }
            Picker("directory.specialty", selection: $viewModel.specialty) {
                Text("directory.specialty.all").tag(String?.none)
                ForEach(viewModel.specialties) { option in
                    Text(option.label(languageCode: L10n.languageCode)).tag(Optional(option.code))
                }
            }
        }
    }

    /// A member's devices; for the coordinator, the correction of their entry too (swipe or
    /// long press).
    private func memberLink(_ member: MemberEntry) -> some View {
        NavigationLink(value: member.userID) {
            MemberRowView(member: member, specialties: viewModel.specialties)
        }
        .swipeActions(edge: .trailing) {
            if viewModel.isCoordinator {
                Button { viewModel.startEditing(member) } label: {
                    Label("directory.edit", systemImage: "pencil")
                }
                .tint(.accentColor)
            }
        }
        .contextMenu {
            if viewModel.isCoordinator {
                Button { viewModel.startEditing(member) } label: {
                    Label("directory.edit", systemImage: "pencil")
                }
            }
        }
    }
}

struct MemberRowView: View {
    let member: MemberEntry
    let specialties: [Specialty]

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            HStack {
                Text(member.displayName).font(.headline)
                if member.retired { Badge(text: L10n.string("directory.retired"), color: .secondary) }
            }
            Text(([L10n.string(member.profession.labelKey)] + member.specialties.compactMap { specialties.label(for: $0) })
                .joined(separator: " · "))
                .font(.subheadline).foregroundStyle(.secondary)
            Text(L10n.format("directory.rpps", member.rpps)).font(.caption.monospaced()).foregroundStyle(.secondary)
        }
    }
}
