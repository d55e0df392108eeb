@testable import Innomed
@testable import InnomedServices
import XCTest

/// The case list's search: typing asks the core once the doctor pauses, and the core's results,
/// hint or refusal are shown as it gives them (scripted here).
@MainActor
final class CaseSearchViewModelTests: XCTestCase {
    private let photoHit = SearchHit(
        caseID: CaseID("!derm:cpts.test"), code: "IM-7K2QX9", event: EventID("$photo"), kind: .photo,
        sender: Fixtures.dermatologist, date: Fixtures.now,
        snippet: [SnippetPart(text: "Lésion ", matched: false), SnippetPart(text: "pigmentée", matched: true),
                  SnippetPart(text: " du dos", matched: false)])
    private let caseHit = SearchHit(
        caseID: CaseID("!other:cpts.test"), code: "IM-AB12CD", event: nil, kind: .caseItself, sender: nil,
        date: Fixtures.now.addingTimeInterval(-86_400), snippet: [SnippetPart(text: "Dermatologie", matched: true)])

    /// A short pause, so that the keystrokes typed before it are dropped.
    private func makeViewModel(_ search: FakeSearchService) -> CaseSearchViewModel {
        CaseSearchViewModel(search: search, typingPause: 20_000_000)
    }

    func testTypingAsksTheCoreOnceAfterThePauseAndShowsItsResults() async {
        let search = FakeSearchService()
        let hits = [photoHit, caseHit]
        search.onSearch = { _ in hits }
        let viewModel = makeViewModel(search)
        XCTAssertFalse(viewModel.isActive, "nothing typed: the list shows")

        viewModel.query = "p"
        viewModel.query = "pig"
        viewModel.query = "pigmentée"
        XCTAssertEqual(viewModel.outcome, .waiting)
        XCTAssertTrue(viewModel.isSearching)
        XCTAssertTrue(search.queries.isEmpty, "nothing asked before the pause")

        await viewModel.settle()

        XCTAssertEqual(search.queries, ["pigmentée"], "only what was typed last")
        XCTAssertFalse(viewModel.isSearching)
        guard case .results(let results) = viewModel.outcome else {
            return XCTFail("results expected, got \(String(describing: viewModel.outcome))")
        }
        XCTAssertEqual(results.map(\.id), [0, 1], "the core's order, best first")
        XCTAssertEqual(results.map(\.caseID), [CaseID("!derm:cpts.test"), CaseID("!other:cpts.test")], "each opens its case")
        XCTAssertEqual(results.map(\.code), ["IM-7K2QX9", "IM-AB12CD"])
        XCTAssertEqual(results.map(\.kindKey), ["search.kind.photo", "search.kind.caseItself"], "what matched, in words")
        XCTAssertEqual(results.map(\.date), [Fixtures.now, Fixtures.now.addingTimeInterval(-86_400)])
        XCTAssertEqual(results[0].snippet.filter(\.matched).map(\.text), ["pigmentée"], "the matched words in bold")
        XCTAssertEqual(results[0].snippet.map(\.text).joined(), "Lésion pigmentée du dos")
    }

    func testNoResultIsAnEmptyListNotAnError() async {
        let search = FakeSearchService()
        search.onSearch = { _ in [] }
        let viewModel = makeViewModel(search)

        viewModel.query = "zona"
        await viewModel.settle()

        XCTAssertEqual(viewModel.outcome, .results([]))
    }

    func testPunctuationOnlyAsksForAWordRatherThanShowingAnError() async {
        let search = FakeSearchService()
        search.onSearch = { _ in throw ServiceError.nothingToSearch }
        let viewModel = makeViewModel(search)

        viewModel.query = "?!…"
        await viewModel.settle()

        XCTAssertEqual(search.queries, ["?!…"], "the core decides there is nothing to look for")
        XCTAssertEqual(viewModel.outcome, .typeAWord)
        XCTAssertFalse(viewModel.isSearching)
    }

    func testATooLongQueryIsSaidInWords() async {
        let search = FakeSearchService()
        search.onSearch = { _ in throw ServiceError.queryTooLong }
        let viewModel = makeViewModel(search)

        viewModel.query = String(repeating: "dermatologie ", count: 30)
        await viewModel.settle()

        XCTAssertEqual(viewModel.outcome, .failed(.queryTooLong))
        XCTAssertEqual(ServiceError.queryTooLong.localizationKey, "error.queryTooLong")

        search.onSearch = { _ in throw ServiceError.searchUnavailable }
        viewModel.query = "plaie"
        await viewModel.settle()
        XCTAssertEqual(viewModel.outcome, .failed(.searchUnavailable))
    }

    func testABlankQueryShowsTheListAgainAndAsksNothing() async {
        let search = FakeSearchService()
        let hit = photoHit
        search.onSearch = { _ in [hit] }
        let viewModel = makeViewModel(search)

        viewModel.query = "   "
        XCTAssertNil(viewModel.outcome)
        XCTAssertFalse(viewModel.isSearching)

        viewModel.query = "pig"
        viewModel.query = ""
        await viewModel.settle()
        XCTAssertTrue(search.queries.isEmpty, "cleared before the pause: nothing asked")
        XCTAssertNil(viewModel.outcome)
        XCTAssertFalse(viewModel.isActive)

        viewModel.query = "pig"
        await viewModel.settle()
        XCTAssertEqual(search.queries, ["pig"])
        viewModel.query = ""
        XCTAssertNil(viewModel.outcome, "the results go with the query")
    }

    func testAnAnswerForAQueryTypedOverIsDropped() async {
        let search = FakeSearchService()
        let viewModel = makeViewModel(search)
        let (stale, fresh) = (photoHit, caseHit)
        search.onSearch = { query in
            if query == "pig" {
                // The doctor types on while the core answers.
                await MainActor.run { viewModel.query = "derm" }
                return [stale]
            }
            return [fresh]
        }

        viewModel.query = "pig"
        await viewModel.settle()
        await viewModel.settle()

        XCTAssertEqual(search.queries, ["pig", "derm"])
        guard case .results(let results) = viewModel.outcome else {
            return XCTFail("results expected, got \(String(describing: viewModel.outcome))")
        }
        XCTAssertEqual(results.map(\.code), ["IM-AB12CD"], "the answer for what is typed now")
    }

    func testTheFirstIndexingSaysHowFarItIsUntilDone() async {
        let search = FakeSearchService()
        search.progressUpdates = [SearchProgress(indexedCases: 0, totalCases: 40, done: false),
                                  SearchProgress(indexedCases: 12, totalCases: 40, done: false)]
        let viewModel = makeViewModel(search)
        XCTAssertNil(viewModel.indexingText, "nothing known yet")

        await viewModel.followProgress()

        XCTAssertEqual(viewModel.indexing, SearchProgress(indexedCases: 12, totalCases: 40, done: false))
        // "Indexation des dossiers : 12 / 40" (French), "Indexing cases: 12 / 40" (English).
        XCTAssertTrue(viewModel.indexingText?.hasSuffix("12 / 40") == true,
                      "got \(String(describing: viewModel.indexingText))")

        search.progressUpdates = [SearchProgress(indexedCases: 39, totalCases: 40, done: false),
                                  SearchProgress(indexedCases: 40, totalCases: 40, done: true)]
        await viewModel.followProgress()
        XCTAssertNil(viewModel.indexing, "done: the index follows sync, nothing shown")
        XCTAssertNil(viewModel.indexingText)
    }
}
