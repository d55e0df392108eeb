import InnomedServices
import SwiftUI

/// Coordinator: "Délais de relance", how long a request of each urgency waits for a taker
/// before it goes to the next specialists on duty and the coordinator is alerted. Hours and
/// minutes per urgency; the core's refusal shows under the pickers, what was picked kept.
struct RoutingWindowsView: View {
    @StateObject private var viewModel: RoutingWindowsViewModel

    init(requests: RequestService, directory: DirectoryService, cpts: Cpts) {
        _viewModel = StateObject(wrappedValue: RoutingWindowsViewModel(requests: requests, directory: directory,
                                                                       cpts: cpts))
    }

    var body: some View {
        Form {
            Section {
                Text("routing.intro").font(.footnote).foregroundStyle(.secondary)
                if viewModel.loaded && !viewModel.isCoordinator {
                    Text("routing.readOnly").font(.footnote).foregroundStyle(.secondary)
                }
            }
            if viewModel.loaded {
                ForEach(RoutingWindowsViewModel.urgencies, id: \.self) { urgency in
                    window(urgency)
                }
            }
            if let key = viewModel.errorKey {
                Section { ErrorBanner(text: L10n.string(key)) }
            } else if viewModel.saved {
                Section {
                    Label("routing.saved", systemImage: "checkmark.circle").foregroundStyle(.green)
                }
            }
        }
        .navigationTitle("routing.title")
        .navigationBarTitleDisplayMode(.inline)
        .overlay { if viewModel.isLoading && !viewModel.loaded { ProgressView() } }
        .toolbar {
            ToolbarItem(placement: .cancellationAction) {
                if viewModel.hasChanges && !viewModel.saving {
                    Button("routing.discard") { viewModel.discardChanges() }
                }
            }
            ToolbarItem(placement: .confirmationAction) {
                if viewModel.saving {
                    ProgressView()
                } else if viewModel.isCoordinator {
                    Button("routing.save") { Task { await viewModel.save() } }
                        .disabled(!viewModel.canSave)
                }
            }
        }
        .task { await viewModel.load() }
    }

    private func window(_ urgency: Urgency) -> some View {
        let draft = viewModel.draft(for: urgency)
        return Section {
            Picker("routing.hours", selection: Binding(
                get: { viewModel.draft(for: urgency).hours },
                set: { viewModel.setHours($0, for: urgency) }
            )) {
                ForEach(RoutingWindowsViewModel.choices(RoutingWindowsViewModel.hourChoices, showing: draft.hours),
                        id: \.self) { hours in
                    Text(verbatim: L10n.format("routing.hours.value", hours)).tag(hours)
                }
            }
            Picker("routing.minutes", selection: Binding(
                get: { viewModel.draft(for: urgency).minutes },
                set: { viewModel.setMinutes($0, for: urgency) }
            )) {
                ForEach(RoutingWindowsViewModel.choices(RoutingWindowsViewModel.minuteChoices, showing: draft.minutes),
                        id: \.self) { minutes in
                    Text(verbatim: L10n.format("routing.minutes.value", minutes)).tag(minutes)
                }
            }
        } header: {
            Text(L10n.string(urgency.labelKey))
        } footer: {
            Text(verbatim: L10n.format("routing.window.footer", RoutingDuration.text(draft.window)))
        }
        .disabled(!viewModel.canEdit)
    }
}

/// A routing window in words, in the interface's language: "4 h 30 min", "30 min", "5 s".
enum RoutingDuration {
    static func text(_ window: TimeInterval) -> String {
        let formatter = DateComponentsFormatter()
        formatter.allowedUnits = [.hour, .minute, .second]
        formatter.unitsStyle = .abbreviated
        formatter.zeroFormattingBehavior = .dropAll
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = Locale(identifier: L10n.languageCode == "en" ? "en_GB" : "fr_FR")
        formatter.calendar = calendar
        return formatter.string(from: max(0, window)) ?? ""
    }
}
