import InnomedServices
import SwiftUI

struct CaseView: View {
    private let session: UserSession
    @StateObject private var viewModel: CaseViewModel
    @StateObject private var actions: CaseActionsViewModel
    @StateObject private var nextStep: NextStepViewModel
    @StateObject private var callBack: CallBackViewModel
    @State private var sheet: CaseSheet?
    @State private var showsCamera = false

    init(session: UserSession, caseID: CaseID) {
        self.session = session
        _viewModel = StateObject(wrappedValue: CaseViewModel(cases: session.cases, caseID: caseID))
        _actions = StateObject(wrappedValue: CaseActionsViewModel(session: session, caseID: caseID))
        _nextStep = StateObject(wrappedValue: NextStepViewModel(requests: session.requests,
                                                                directory: session.directory, caseID: caseID))
        _callBack = StateObject(wrappedValue: CallBackViewModel(requests: session.requests, caseID: caseID))
    }

    var body: some View {
        VStack(spacing: 0) {
            CaseStatusHeader(actions: actions, takenBy: actions.details?.acceptedBy.map(viewModel.name(of:)))
            UnvouchedBanner(members: viewModel.unvouched, names: viewModel.names,
                            canConfirm: actions.canConfirmMembers, confirming: viewModel.confirming) { user in
                Task {
                    await viewModel.confirm(user)
                    // A request taken by the one confirmed is handed over: the core says so.
                    await actions.refresh()
                }
            }
            HandoverBanner(wait: actions.handoverWait)
            // The taker: the number the GP asked to be called back on, when they gave one.
            CallBackButton(viewModel: callBack)
            // The GP's request: when, and to whom, it goes further if nobody takes it.
            if let line = nextStep.line {
                NextStepCard(line: line, caseNames: viewModel.names)
            }
            // Until the header can be read (nobody took the request, or it waits for its
            // hand-over), the brief says what is asked.
            if viewModel.requester == nil, let brief = actions.brief {
                RequestBriefCard(brief: brief, requesterName: viewModel.name(of: brief.requester),
                                 specialty: session.directory.specialties().label(for: brief.specialty))
            }
            ScrollViewReader { proxy in
                List {
                    if !viewModel.reachedStart {
                        Button("case.loadOlder") { Task { await viewModel.loadOlder() } }
                            .frame(maxWidth: .infinity)
                    }
                    ForEach(viewModel.entries) { entry in
                        ConversationRowView(entry: entry, names: viewModel.names, viewModel: viewModel)
                            .listRowSeparator(.hidden)
                            .id(entry.id)
                    }
                }
                .listStyle(.plain)
                // A received PDF, from the account's own folder; its copy goes when it closes.
                .fullScreenCover(item: Binding(get: { viewModel.preview },
                                               set: { if $0 == nil { viewModel.closePreview() } })) { preview in
                    DocumentPreviewView(preview: preview)
                }
                .onChange(of: viewModel.entries.last?.id) { last in
                    if let last { proxy.scrollTo(last, anchor: .bottom) }
                }
            }
            // The advice and close sheets show these errors themselves while they are open.
            .errorAlert(sheet?.showsActionErrors == true ? .constant(nil) : $actions.error)
            ComposerView(viewModel: viewModel, attachments: viewModel.attachments, showsCamera: $showsCamera,
                         onAttach: { sheet = .attachments }, isEnabled: actions.canWrite)
        }
        .navigationTitle(viewModel.code)
        .navigationBarTitleDisplayMode(.inline)
        .toolbar {
            ToolbarItem(placement: .primaryAction) { CaseActionsMenu(actions: actions, sheet: $sheet) }
            ToolbarItem(placement: .primaryAction) {
                Button { sheet = .members } label: { Label("case.members", systemImage: "person.2") }
            }
        }
        .sheet(item: $sheet) { sheet in
            switch sheet {
            case .invite: InviteView(session: session, caseID: actions.caseID)
            case .advice: AdviceFormView(actions: actions)
            case .close: CloseCaseView(actions: actions)
            case .attachments: AttachmentsView(attachments: viewModel.attachments)
            case .members:
                MembersView(lines: viewModel.memberLines, specialties: session.directory.specialties(),
                            trust: session.trust, onVerificationClosed: { viewModel.refreshMembers() })
            }
        }
        .fullScreenCover(isPresented: $showsCamera) {
            CameraPicker { jpeg in Task { await viewModel.sendPhoto(jpeg: jpeg) } }
                .ignoresSafeArea()
        }
        .errorAlert($viewModel.error)
        .task { await viewModel.load() }
        .task {
            await actions.refresh()
            await nextStep.refresh(in: actions.details?.cptsID)
            await callBack.refresh(role: actions.allowed?.role)
        }
        // A planned step is read again once due (one to the coordinator alone changes no row).
        .task(id: nextStep.step) {
            guard let delay = nextStep.delayUntilDue() else { return }
            try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            guard !Task.isCancelled else { return }
            await nextStep.refresh(in: actions.details?.cptsID)
        }
        // Kept once seen: after a sync gap the conversation restarts without the header.
        .onChange(of: viewModel.requester) { if let requester = $0 { actions.requester = requester } }
        // A take, an invitation sent on, a decline: the core's decision and next step change;
        // the history handed over to the taker brings the number to call back.
        .onChange(of: viewModel.entries.count) { _ in
            Task {
                await actions.refresh()
                await nextStep.refresh(in: actions.details?.cptsID)
                await callBack.refresh(role: actions.allowed?.role)
            }
        }
        // Taken here (or no longer this doctor's): the call-back button follows the core's role.
        .onChange(of: actions.allowed?.role) { role in
            Task { await callBack.refresh(role: role) }
        }
        // Handed over (the core stopped saying the request waits): what was sent before, shared
        // with the taker now, comes with the history.
        .onChange(of: actions.handoverWait) { wait in
            if wait == nil { Task { await viewModel.loadOlder() } }
        }
    }
}

enum CaseSheet: String, Identifiable {
    case invite, advice, close, members, attachments
    var id: String { rawValue }
    /// The sheet presents `CaseActionsViewModel.error` itself (the screen below must not).
    var showsActionErrors: Bool { self == .advice || self == .close }
}

/// Status, specialty, urgency and deadline of the case (as the core says where it stands), and
/// who took a request, above the conversation.
private struct CaseStatusHeader: View {
    @ObservedObject var actions: CaseActionsViewModel
    /// The name of the specialist who took the request, as the case's members list gives it.
    var takenBy: String?

    var body: some View {
        if let details = actions.details {
            VStack(alignment: .leading, spacing: 2) {
                HStack(spacing: 8) {
                    Badge(text: L10n.string(details.status.labelKey), color: .accentColor)
                    if details.urgency != .routine {
                        Badge(text: L10n.string(details.urgency.labelKey), color: details.urgency.color)
                    }
                    if let deadline = actions.deadline, deadline.state != .done {
                        Text(L10n.format("cases.due", deadline.due.formatted(date: .abbreviated, time: .shortened)))
                            .font(.caption)
                            .foregroundStyle(.secondary)
                        DeadlineBadge(state: deadline.state)
                    }
                    Spacer()
                    if actions.isMuted == true { MutedIndicator() }
                }
                if let takenBy {
                    Text(verbatim: L10n.format("case.takenBy", takenBy))
                        .font(.caption)
                        .foregroundStyle(.secondary)
                }
            }
            .frame(maxWidth: .infinity, alignment: .leading)
            .padding(.horizontal)
            .padding(.vertical, 6)
            .background(.bar)
        }
    }
}
