import InnomedServices
import SwiftUI

/// What the case list shows instead of its rows while something is typed in its search field:
/// how far the first reading of the cases is, then the core's results (each opens its case), a
/// hint when there is no word to look for, or the refusal in words.
struct CaseSearchResultsView: View {
    @ObservedObject var search: CaseSearchViewModel

    var body: some View {
        if let progress = search.indexing, let text = search.indexingText {
            Section {
                VStack(alignment: .leading, spacing: 6) {
                    Text(verbatim: text).font(.subheadline)
                    ProgressView(value: Double(progress.indexedCases), total: Double(max(progress.totalCases, 1)))
                }
                .accessibilityElement(children: .combine)
            } footer: {
                Text("search.indexing.footer")
            }
        }
        switch search.outcome {
        case .results(let results) where results.isEmpty:
            Text("search.noResults").foregroundStyle(.secondary)
        case .results(let results):
            Section {
                ForEach(results) { result in
                    NavigationLink(value: result.caseID) {
                        CaseSearchResultRow(result: result)
                    }
                }
            }
        case .typeAWord:
            Text("search.typeAWord").foregroundStyle(.secondary)
        case .failed(let error):
            ErrorBanner(error: error)
        case .waiting, nil:
            HStack {
                Spacer()
                ProgressView()
                Spacer()
            }
        }
    }
}

/// One result: the case's code, what matched in words, the date, and the text around the
/// matched words (those in bold).
struct CaseSearchResultRow: View {
    let result: CaseSearchResult

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            HStack(spacing: 6) {
                Text(result.code).font(.headline.monospaced())
                Badge(text: L10n.string(result.kindKey), color: .accentColor)
                Spacer()
                Text(result.date.formatted(date: .abbreviated, time: .shortened))
                    .font(.caption)
                    .foregroundStyle(.secondary)
            }
            SnippetText(parts: result.snippet)
                .font(.subheadline)
                .lineLimit(3)
        }
        .padding(.vertical, 2)
        .accessibilityElement(children: .combine)
    }
}

/// The core's snippet as one text, the words that matched in bold.
struct SnippetText: View {
    let parts: [SnippetPart]

    var body: some View {
        parts.reduce(Text(verbatim: "")) { text, part in
            text + Text(verbatim: part.text).bold(part.matched)
        }
    }
}
