package fr.innomed.android.ui

import androidx.compose.runtime.Composable
import androidx.compose.ui.platform.LocalConfiguration
import androidx.compose.ui.res.pluralStringResource
import androidx.compose.ui.res.stringResource
import java.text.NumberFormat

/** Bytes in a megabyte as the core counts its limits (a 40 Mo limit is 40 × 1024 × 1024 bytes). */
const val MEGABYTE = 1024L * 1024L

private const val KILOBYTE = 1024L

/** A file's size as a doctor reads it: "245 Ko", "1,2 Mo" (in the screen's language). */
@Composable
fun fileSize(bytes: Long): String {
    if (bytes < MEGABYTE) return stringResource(R.string.file_size_kb, ((bytes + KILOBYTE - 1) / KILOBYTE).coerceAtLeast(1).toString())
    val format = NumberFormat.getNumberInstance(LocalConfiguration.current.locales[0]).apply { maximumFractionDigits = 1 }
    return stringResource(R.string.file_size_mb, format.format(bytes.toDouble() / MEGABYTE))
}

/** "3 pages · 245 Ko": what is known of a document, as the core says it; empty when nothing is. */
@Composable
fun documentFacts(pages: Int?, sizeBytes: Long?): String = listOfNotNull(
    pages?.let { pluralStringResource(R.plurals.document_pages, it, it) },
    sizeBytes?.let { fileSize(it) },
).joinToString(" · ")
