package fr.innomed.android.impl

import fr.innomed.android.api.EventId
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.search.HitKind
import fr.innomed.android.api.search.SearchHit
import fr.innomed.android.api.search.SearchProgress
import fr.innomed.android.api.search.SnippetPart
import fr.innomed.core.HitKind as SdkHitKind
import fr.innomed.core.SearchHit as SdkSearchHit
import fr.innomed.core.SearchProgress as SdkSearchProgress
import fr.innomed.core.SnippetPart as SdkSnippetPart

// The core's search results and progress, as the API carries them.

/** Spelled out rather than by name: a kind the core adds fails the build here, not the screen. */
internal fun SdkHitKind.toApi(): HitKind = when (this) {
    SdkHitKind.CASE -> HitKind.CASE
    SdkHitKind.HEADER -> HitKind.HEADER
    SdkHitKind.MESSAGE -> HitKind.MESSAGE
    SdkHitKind.PHOTO -> HitKind.PHOTO
    SdkHitKind.DOCUMENT -> HitKind.DOCUMENT
    SdkHitKind.ADVICE -> HitKind.ADVICE
    SdkHitKind.CLOSURE -> HitKind.CLOSURE
}

internal fun SdkSnippetPart.toApi() = SnippetPart(text = text, matched = matched)

internal fun SdkSearchHit.toApi() = SearchHit(
    roomId = RoomId(roomId),
    code = code,
    eventId = eventId?.let(::EventId),
    kind = kind.toApi(),
    sender = sender?.let(::UserId),
    timestampMillis = timestampMs.toLongClamped(),
    snippet = snippet.map { it.toApi() },
)

internal fun SdkSearchProgress.toApi() = SearchProgress(
    indexedCases = indexedCases.toIntClamped(),
    totalCases = totalCases.toIntClamped(),
    done = done,
)
