import InnomedServices
import SwiftUI

/// Coordinator: the requests of the CPTS nobody took within their routing window, newest first.
/// Each row: the case code and its urgency, the specialty and the requesting GP, whom it went to
/// next (or the coordinator alone), and when.
struct UnansweredRequestsView: View {
    @StateObject private var viewModel: UnansweredRequestsViewModel

    init(requests: RequestService, directory: DirectoryService, cpts: Cpts) {
        _viewModel = StateObject(wrappedValue: UnansweredRequestsViewModel(requests: requests, directory: directory,
                                                                           cpts: cpts))
    }

    var body: some View {
        List {
            Section {
                if viewModel.loaded && !viewModel.isCoordinator {
                    Text("unanswered.coordinatorOnly").foregroundStyle(.secondary)
                } else if viewModel.loaded && viewModel.lines.isEmpty {
                    Text("unanswered.none").foregroundStyle(.secondary)
                }
                ForEach(viewModel.lines) { line in row(line) }
            } footer: {
                Text("unanswered.footer")
            }
        }
        .navigationTitle("unanswered.title")
        .navigationBarTitleDisplayMode(.inline)
        .overlay { if viewModel.isLoading && !viewModel.loaded { ProgressView() } }
        .refreshable { await viewModel.load() }
        .task { await viewModel.load() }
        .errorAlert($viewModel.error)
    }

    private func row(_ line: UnansweredLine) -> some View {
        VStack(alignment: .leading, spacing: 4) {
            HStack(spacing: 8) {
                Text(verbatim: line.alert.code).font(.headline.monospaced())
                Badge(text: L10n.string(line.alert.urgency.labelKey), color: line.alert.urgency.color)
                Spacer()
            }
            Text(verbatim: L10n.format("unanswered.asked",
                                       viewModel.specialties.label(for: line.alert.specialty) ?? line.alert.specialty,
                                       line.requester.shownName))
                .font(.subheadline)
            Text(verbatim: nextSentence(line)).font(.subheadline)
            Text(verbatim: line.alert.at.formatted(date: .abbreviated, time: .shortened))
                .font(.caption).foregroundStyle(.secondary)
        }
        .padding(.vertical, 2)
        .accessibilityElement(children: .combine)
    }

    /// "Relancée vers Dr Bruno Derme", or "Personne d'autre de garde : vous seul êtes prévenu".
    private func nextSentence(_ line: UnansweredLine) -> String {
        if line.toCoordinatorOnly { return L10n.string("unanswered.next.coordinator") }
        return L10n.format("unanswered.next", ListFormatter.localizedString(byJoining: line.next.map(\.shownName)))
    }
}
