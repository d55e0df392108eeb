package fr.innomed.android.impl

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.search.SearchError
import fr.innomed.android.api.search.SearchHit
import fr.innomed.android.api.search.SearchProgress
import fr.innomed.android.api.search.SearchService
import fr.innomed.sdk.Client
import fr.innomed.sdk.SearchProgressListener
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.callbackFlow
import fr.innomed.core.SearchProgress as SdkSearchProgress

/** The core's local search index: results, and where its first reading of the cases stands. */
class RustSearchService internal constructor(private val client: Client) : SearchService {
    override suspend fun search(query: String): Outcome<List<SearchHit>, SearchError> =
        attempt(::searchError) { client.search(query).map { it.toApi() } }

    /**
     * One subscription per collector; the latest report wins if the collector is slow. The core
     * stops reporting once every case was read: the flow ends then. Cancelling the collector
     * cancels and frees the `TaskHandle`.
     */
    override val progress: Flow<SearchProgress> = callbackFlow {
        val listener = object : SearchProgressListener {
            override fun onProgress(progress: SdkSearchProgress) {
                trySend(progress.toApi())
                if (progress.done) channel.close()
            }
        }
        follow { client.subscribeSearchProgress(listener) }
    }.buffer(Channel.CONFLATED)
}
