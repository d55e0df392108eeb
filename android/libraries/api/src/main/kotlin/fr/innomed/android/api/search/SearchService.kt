package fr.innomed.android.api.search

import fr.innomed.android.api.EventId
import fr.innomed.android.api.Outcome
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import kotlinx.coroutines.flow.Flow

/**
 * Search across the cases on this phone, as the core indexes them (header, messages, photo
 * captions, document titles, advice, closure, the case's code, specialty and members). Nothing
 * leaves the phone: the index is the core's, local and sealed.
 */
interface SearchService {
    /** The cases' words matching [query], best first, the matched words marked by the core. */
    suspend fun search(query: String): Outcome<List<SearchHit>, SearchError>

    /**
     * Where the first reading of the cases into the index stands, then each change; it ends
     * once [SearchProgress.done].
     */
    val progress: Flow<SearchProgress>
}

/** What a result is: where in the case the words were found. */
enum class HitKind {
    /** The case itself: its code, specialty and members. */
    CASE,

    /** The header: patient label, reason, question. */
    HEADER,

    MESSAGE,

    /** A photo's caption. */
    PHOTO,

    /** A document's title. */
    DOCUMENT,

    ADVICE,

    CLOSURE,
}

/** A piece of a result's text; the words that matched the query are [matched]. */
data class SnippetPart(val text: String, val matched: Boolean)

/** One result: the case and the message it points to, and the text around the matched words. */
data class SearchHit(
    val roomId: RoomId,
    /** The case's code (`IM-7K2QX9`). */
    val code: String,
    /** The message to scroll to; null when the case itself matched. */
    val eventId: EventId?,
    val kind: HitKind,
    val sender: UserId?,
    val timestampMillis: Long,
    val snippet: List<SnippetPart>,
)

/** Where the first reading of the cases stands (cases joined before this phone indexed them). */
data class SearchProgress(
    val indexedCases: Int,
    val totalCases: Int,
    /** Every case was read once; the index now follows the cases as they change. */
    val done: Boolean,
)

/** Why a search gave no results; the screen says each in words. */
sealed interface SearchError {
    /** Empty, punctuation, or only words too common to look for: a hint, not an error. */
    data object NothingToSearch : SearchError

    data object QueryTooLong : SearchError

    /** The index was sealed with another key: the core rebuilds it. */
    data object WrongKey : SearchError

    /** The index cannot be read now (the core's detail is not kept: it may name files). */
    data object Store : SearchError

    data class Other(val code: String) : SearchError
}
