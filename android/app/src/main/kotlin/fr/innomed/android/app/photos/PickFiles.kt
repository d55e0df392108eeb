package fr.innomed.android.app.photos

import android.content.Context
import android.net.Uri
import android.provider.OpenableColumns
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.runtime.Composable
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.platform.LocalContext
import fr.innomed.android.features.case.PickedFile
import java.io.File
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/**
 * The system's document picker for photos and PDFs, several at once: call the returned function
 * to pick. The picker grants a read of the files picked only (no storage permission); each is
 * copied into the app's private folder ([PhotoStore.copyIn]) off the main thread, and [onPicked]
 * gets the copies in the order picked, with the names the picker shows. Which is a photo and
 * which a PDF is for the core to say, from the bytes; a PDF's name, without ".pdf", is its
 * title (sent inside the encrypted message only).
 */
@Composable
fun rememberPickFiles(store: PhotoStore, onPicked: (List<PickedFile>) -> Unit): () -> Unit {
    val context = LocalContext.current
    val scope = rememberCoroutineScope()
    val picker = rememberLauncherForActivityResult(ActivityResultContracts.OpenMultipleDocuments()) { uris ->
        if (uris.isEmpty()) return@rememberLauncherForActivityResult
        scope.launch {
            val picked = withContext(Dispatchers.IO) { uris.map { uri -> context.picked(uri, store.copyIn(uri)) } }
            onPicked(picked)
        }
    }
    return { picker.launch(arrayOf("image/*", PDF)) }
}

private fun Context.picked(uri: Uri, copy: File): PickedFile {
    val name = try {
        contentResolver.query(uri, arrayOf(OpenableColumns.DISPLAY_NAME), null, null, null)?.use { cursor ->
            if (cursor.moveToFirst()) cursor.getString(0) else null
        }
    } catch (e: SecurityException) {
        null
    }
    val isPdf = try {
        contentResolver.getType(uri) == PDF
    } catch (e: SecurityException) {
        false
    }
    val title = name?.takeIf { isPdf }?.replace(PDF_EXTENSION, "")?.takeIf { it.isNotBlank() }
    return PickedFile(copy, name, title)
}

private const val PDF = "application/pdf"
private val PDF_EXTENSION = Regex("""\.pdf$""", RegexOption.IGNORE_CASE)
